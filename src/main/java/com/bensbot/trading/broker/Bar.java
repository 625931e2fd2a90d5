package com.bensbot.trading.broker;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** One Alpaca bar: time, open, high, low, close, volume, trade count, volume-weighted price. */
public record Bar(
        @JsonProperty("t") String t,
        @JsonProperty("o") BigDecimal o,
        @JsonProperty("h") BigDecimal h,
        @JsonProperty("l") BigDecimal l,
        @JsonProperty("c") BigDecimal c,
        @JsonProperty("v") Long v,
        @JsonProperty("n") Long n,
        @JsonProperty("vw") BigDecimal vw) {
}
