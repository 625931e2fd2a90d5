package com.bensbot.trading.broker;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** Alpaca's latest trade: time, price, size, exchange, trade ID, conditions, tape. */
public record Trade(
        @JsonProperty("t") String t,
        @JsonProperty("p") BigDecimal p,
        @JsonProperty("s") Long s,
        @JsonProperty("x") String x,
        @JsonProperty("i") Long i,
        @JsonProperty("c") List<String> c,
        @JsonProperty("z") String z) {
}
