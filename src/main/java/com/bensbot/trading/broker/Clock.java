package com.bensbot.trading.broker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Alpaca's market clock. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Clock(String timestamp, Boolean isOpen, String nextOpen, String nextClose) {
}
