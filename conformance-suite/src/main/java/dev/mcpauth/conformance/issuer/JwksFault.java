package dev.mcpauth.conformance.issuer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the test issuer's JWKS endpoint misbehaves, for fault soaks ({@code POST /admin/jwks-fault}
 * with {@code {"fault":"none|outage|slow|garbage","delay_ms":N}}): {@code outage} answers 503,
 * {@code slow} waits {@code delay_ms} (default 6000, past a typical 5 s fetch timeout) before the
 * real keys, {@code garbage} answers 200 with a body that is no usable key set (a different one
 * each time: not JSON, an array, keys not an array, a key with a broken modulus, an empty set).
 */
public enum JwksFault {
    NONE, OUTAGE, SLOW, GARBAGE;

    public static final long DEFAULT_DELAY_MS = 6000;
    private static final List<String> GARBAGE_BODIES = List.of("<html>not json</html>", "[1,2,3]",
            "{\"keys\":\"none\"}", "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k-garbage\",\"n\":\"!!\",\"e\":\"AQAB\"}]}",
            "{\"keys\":[]}", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-999\",\"x\":\"\",\"y\":\"\"}]}", "{");
    private static final AtomicInteger NEXT_GARBAGE = new AtomicInteger();

    public static Optional<JwksFault> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The next garbage body, in turn. */
    static String garbage() {
        return GARBAGE_BODIES.get(Math.floorMod(NEXT_GARBAGE.getAndIncrement(), GARBAGE_BODIES.size()));
    }
}
