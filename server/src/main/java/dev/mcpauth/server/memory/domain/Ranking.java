package dev.mcpauth.server.memory.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well a memory answers a query, computed the same way whatever the store. The query is cut
 * into words (letters and digits); each word scores one point per occurrence in the text (at most
 * {@value #MAX_HITS_PER_TERM}), three when a tag equals it and one when a tag contains it; the
 * whole query found as written adds two. A memory that scores nothing is not a hit.
 */
public final class Ranking {

    static final int MAX_HITS_PER_TERM = 5;
    static final int MAX_TERMS = 16;

    private Ranking() {
    }

    /** Case-folded text, what searches compare. */
    public static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The distinct words of a query, folded, at most {@value #MAX_TERMS}. */
    public static List<String> terms(String query) {
        return Arrays.stream(fold(query).split("[^\\p{L}\\p{N}]+"))
                .filter(term -> !term.isEmpty()).distinct().limit(MAX_TERMS).toList();
    }

    public static double score(Memory memory, String query) {
        String text = fold(memory.text());
        List<String> tags = memory.tags().stream().map(Ranking::fold).toList();
        double score = 0;
        for (String term : terms(query)) {
            score += Math.min(MAX_HITS_PER_TERM, occurrences(text, term));
            for (String tag : tags) {
                score += tag.equals(term) ? 3 : tag.contains(term) ? 1 : 0;
            }
        }
        String phrase = fold(query.strip());
        if (!phrase.isEmpty() && (text.contains(phrase) || tags.contains(phrase))) {
            score += 2;
        }
        return score;
    }

    private static int occurrences(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0 && count < MAX_HITS_PER_TERM; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }
}
