package dev.mcpauth.conformance.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How often each {@link TokenKind} is sent, as integer weights ({@code good=80,expired=5,…}).
 * {@link #schedule()} spreads the kinds evenly over one cycle of {@link #total()} requests, so the
 * proportions hold exactly over every full cycle and no kind comes in bursts.
 */
public record TokenMix(Map<TokenKind, Integer> weights) {
    public static final String DEFAULT = "good=80,expired=5,wrong-aud=5,bad-sig=5,no-token=5";

    public TokenMix {
        EnumMap<TokenKind, Integer> copy = new EnumMap<>(TokenKind.class);
        weights.forEach((k, w) -> {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight for " + k.key());
            }
            if (w > 0) {
                copy.put(k, w);
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("the mix sends nothing");
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code kind=weight,…}; kinds not named get weight 0.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static TokenMix parse(String text) {
        Map<TokenKind, Integer> weights = new EnumMap<>(TokenKind.class);
        for (String part : text.split(",", -1)) {
            String[] kv = part.strip().split("=", -1);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--mix entry '" + part.strip() + "' is not kind=weight");
            }
            TokenKind kind = TokenKind.byKey(kv[0].strip()).orElseThrow(() -> new IllegalArgumentException(
                    "--mix kind '" + kv[0].strip() + "' is unknown (known: " + known() + ")"));
            int weight;
            try {
                weight = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix weight '" + kv[1].strip() + "' is not a whole number");
            }
            if (weight < 0 || weight > 1000) {
                throw new IllegalArgumentException("--mix weight " + weight + " is outside 0..1000");
            }
            if (weights.put(kind, weight) != null) {
                throw new IllegalArgumentException("--mix names " + kind.key() + " twice");
            }
        }
        return new TokenMix(weights);
    }

    private static String known() {
        return java.util.Arrays.stream(TokenKind.values()).map(TokenKind::key).collect(Collectors.joining(", "));
    }

    public int total() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int weight(TokenKind kind) {
        return weights.getOrDefault(kind, 0);
    }

    /**
     * One cycle of {@link #total()} kinds, each kind {@code weight} times, interleaved by smooth
     * weighted round-robin (the kind furthest behind its share goes next).
     */
    public List<TokenKind> schedule() {
        int total = total();
        Map<TokenKind, Integer> credit = new EnumMap<>(TokenKind.class);
        List<TokenKind> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            TokenKind best = null;
            for (Map.Entry<TokenKind, Integer> e : weights.entrySet()) {
                int c = credit.merge(e.getKey(), e.getValue(), Integer::sum);
                if (best == null || c > credit.get(best)) {
                    best = e.getKey();
                }
            }
            credit.merge(best, -total, Integer::sum);
            out.add(best);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return weights.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
