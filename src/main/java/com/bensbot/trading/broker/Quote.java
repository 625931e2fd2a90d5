package com.bensbot.trading.broker;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** Alpaca's latest quote: time, ask price/size/exchange, bid price/size/exchange, conditions, tape. */
public record Quote(
        @JsonProperty("t") String t,
        @JsonProperty("ap") BigDecimal ap,
        @JsonProperty("as") Long as,
        @JsonProperty("bp") BigDecimal bp,
        @JsonProperty("bs") Long bs,
        @JsonProperty("ax") String ax,
        @JsonProperty("bx") String bx,
        @JsonProperty("c") List<String> c,
        @JsonProperty("z") String z) {
}
