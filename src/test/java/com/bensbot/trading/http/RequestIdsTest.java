package com.bensbot.trading.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    @Test
    void acceptsWellFormedCallerIds() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_X.y")).isEqualTo("abc-123_X.y");
        String max = "a".repeat(128);
        assertThat(RequestIds.acceptOrGenerate(max)).isEqualTo(max);
    }

    @Test
    void replacesMissingOrMalformedIds() {
        for (String bad : new String[]{null, "", "a".repeat(129), "has space", "new\nline", "ü", "a/b"}) {
            String id = RequestIds.acceptOrGenerate(bad);
            assertThat(id).as(String.valueOf(bad)).isNotEqualTo(bad).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void generatedIdsDiffer() {
        assertThat(RequestIds.generate()).isNotEqualTo(RequestIds.generate());
    }
}
