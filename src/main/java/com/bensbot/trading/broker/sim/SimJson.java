package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Shared JSON building blocks: node factory and Alpaca's formats for decimals and times. */
final class SimJson {

    /** Keeps BigDecimal scale as given, so 185.20 is not rewritten to 1.852E+2. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** RFC 3339 with the zone's offset, fraction only when non-zero: {@code 2026-11-27T09:30:00-05:00}. */
    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private SimJson() {
    }

    static ObjectMapper newMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setNodeFactory(NODES);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return mapper;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Alpaca sends decimals of the trading API as strings without trailing zeros ("100000", "185.2"). */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** UTC RFC 3339 as Alpaca writes event times: {@code 2026-11-26T15:04:05.123456789Z}. */
    static String utc(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String withOffset(ZonedDateTime time) {
        return OFFSET_TIME.format(time);
    }
}
