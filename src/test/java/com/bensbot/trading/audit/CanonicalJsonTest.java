package com.bensbot.trading.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {
    @Test
    void sortsKeysAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("d", Arrays.asList(1, "x", null, true));
        inner.put("c", false);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", 1);
        outer.put("a", inner);
        outer.put("B", List.of(Map.of("z", 1, "y", 2)));

        assertThat(CanonicalJson.write(outer))
                .isEqualTo("{\"B\":[{\"y\":2,\"z\":1}],\"a\":{\"c\":false,\"d\":[1,\"x\",null,true]},\"b\":1}");
    }

    @Test
    void escapesStringsAsJcsDoes() {
        String text = "q\" b\\ nl\n tab\t ctl\u0001 del\u007f é ✓ \uD83D\uDE00 lone\uD800";

        assertThat(CanonicalJson.write(Map.of("s", text)))
                .isEqualTo("{\"s\":\"q\\\" b\\\\ nl\\n tab\\t ctl\\u0001 del\u007f é ✓ \uD83D\uDE00 lone\\ud800\"}");
    }

    @Test
    void writesDecimalsAndLargeIntegersAsText() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("price", new BigDecimal("1E+3"));
        values.put("qty", new BigDecimal("0.000010"));
        values.put("safe", (1L << 53) - 1);
        values.put("big", 1L << 53);
        values.put("huge", new BigInteger("123456789012345678901234567890"));
        values.put("side", Thread.State.NEW);

        assertThat(CanonicalJson.write(values)).isEqualTo("{\"big\":\"9007199254740992\",\"huge\":"
                + "\"123456789012345678901234567890\",\"price\":\"1000\",\"qty\":\"0.000010\","
                + "\"safe\":9007199254740991,\"side\":\"NEW\"}");
    }

    @Test
    void refusesValuesWithoutOneCanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("price", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("details.price");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("when", new java.util.Date())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("m", Map.of(1, "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys must be strings");
    }

    @Test
    void parsedTextWritesBackToTheSameText() throws JsonProcessingException {
        String text = CanonicalJson.write(Map.of("a", List.of(1, "two", Map.of("x", "\u0000\n")), "b", true,
                "c", new BigDecimal("12.50"), "lone", "\uDC00"));

        assertThat(CanonicalJson.write(CanonicalJson.parse(text))).isEqualTo(text);
    }
}
