package com.bensbot.trading.broker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** Alpaca's asset object. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Asset(String id, @JsonProperty("class") String assetClass, String exchange, String symbol, String name,
                    String status, Boolean tradable, Boolean marginable, Boolean shortable, Boolean easyToBorrow,
                    Boolean fractionable, String maintenanceMarginRequirement, List<String> attributes) {
    public boolean isTradable() {
        return Boolean.TRUE.equals(tradable) && "active".equalsIgnoreCase(status);
    }
}
