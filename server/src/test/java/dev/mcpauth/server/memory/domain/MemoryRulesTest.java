package dev.mcpauth.server.memory.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What may be stored and asked for, each refusal with its reason. */
class MemoryRulesTest {

    @Test
    void textUpToTheLimitInCharactersNotUtf16UnitsIsAccepted() throws InvalidMemoryException {
        String emoji = "😀".repeat(MemoryRules.MAX_TEXT_CODE_POINTS);
        assertThat(MemoryRules.text(emoji), is(emoji));
        assertThat(reason(() -> MemoryRules.text(emoji + "x")), is("text is 10001 characters long; at most 10000 are allowed"));
    }

    @Test
    void malformedUnicodeAndControlCharactersAreRefusedButWhitespaceIsFine() throws InvalidMemoryException {
        assertThat(reason(() -> MemoryRules.text("a\ud800b")), is("text is not well-formed Unicode (lone surrogate at index 1)"));
        assertThat(reason(() -> MemoryRules.text("a\udc00")), is("text is not well-formed Unicode (lone surrogate at index 1)"));
        assertThat(reason(() -> MemoryRules.text("nul\u0000")), is("text contains control character U+0000 at index 3"));
        assertThat(reason(() -> MemoryRules.text(" \n\t ")), is("text must not be empty or blank"));
        assertThat(MemoryRules.text("line one\r\n\tline two"), is("line one\r\n\tline two"));
    }

    @Test
    void tagsAreTrimmedDeduplicatedAndLimited() throws InvalidMemoryException {
        assertThat(MemoryRules.tags(List.of(" home ", "home", "work")), contains("home", "work"));
        assertThat(reason(() -> MemoryRules.tags(List.of(" "))), is("each tag must be 1..64 characters"));
        assertThat(reason(() -> MemoryRules.tags(List.of("a\nb"))), is("tag contains control character U+000A at index 1"));
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
        assertThat(reason(() -> MemoryRules.tags(eleven)), is("at most 10 tags are allowed, got 11"));
        assertThat(MemoryRules.tags(Collections.nCopies(20, "same")), contains("same"));
    }

    @Test
    void idsAreUuidsInAnyCase() throws InvalidMemoryException {
        assertThat(MemoryRules.id("0F8FAD5B-D9CB-469F-A165-70867728950E").value(), is("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(reason(() -> MemoryRules.id("1 OR 1=1")), is("id must be a memory id as returned by memory_add (a UUID)"));
    }

    @Test
    void rankingCountsWordsTagsAndThePhrase() {
        Memory memory = new Memory(MemoryId.random(), "Water the garden; the garden is dry", List.of("Garden"), java.time.Instant.EPOCH);
        // "garden": 2 in the text + 3 for the equal tag; "water": 1; "the": 2; the whole phrase: 2
        assertThat(Ranking.score(memory, "water the garden"), is(2.0 + 3 + 1 + 2 + 2));
        assertThat(Ranking.score(memory, "volcano"), is(0.0));
        assertThat(Ranking.terms("Hello, WORLD! hello"), contains("hello", "world"));
    }

    private interface Check {
        Object run() throws InvalidMemoryException;
    }

    private static String reason(Check check) {
        return assertThrows(InvalidMemoryException.class, check::run).getMessage();
    }
}
