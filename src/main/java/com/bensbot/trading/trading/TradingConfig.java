package com.bensbot.trading.trading;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** The {@code trading} block: mode and the order safety limits (CONTRACT §2, §6). */
public class TradingConfig {
    @NotNull
    @Pattern(regexp = "paper|live", message = "must be 'paper' or 'live'")
    private String mode = "paper";
    private boolean liveTradingEnabled = false;
    @NotNull
    private BigDecimal maxOrderValueUsd = new BigDecimal("1000");
    @NotNull
    private BigDecimal maxDailyNotionalUsd = new BigDecimal("25000");
    @NotNull
    private String allowedSymbols = "";

    @JsonProperty
    public String getMode() {
        return mode;
    }

    @JsonProperty
    public void setMode(String mode) {
        this.mode = mode;
    }

    @JsonProperty
    public boolean isLiveTradingEnabled() {
        return liveTradingEnabled;
    }

    @JsonProperty
    public void setLiveTradingEnabled(boolean liveTradingEnabled) {
        this.liveTradingEnabled = liveTradingEnabled;
    }

    @JsonProperty
    public BigDecimal getMaxOrderValueUsd() {
        return maxOrderValueUsd;
    }

    @JsonProperty
    public void setMaxOrderValueUsd(BigDecimal maxOrderValueUsd) {
        this.maxOrderValueUsd = maxOrderValueUsd;
    }

    @JsonProperty
    public BigDecimal getMaxDailyNotionalUsd() {
        return maxDailyNotionalUsd;
    }

    @JsonProperty
    public void setMaxDailyNotionalUsd(BigDecimal maxDailyNotionalUsd) {
        this.maxDailyNotionalUsd = maxDailyNotionalUsd;
    }

    @JsonProperty
    public String getAllowedSymbols() {
        return allowedSymbols;
    }

    @JsonProperty
    public void setAllowedSymbols(String allowedSymbols) {
        this.allowedSymbols = allowedSymbols == null ? "" : allowedSymbols;
    }
}
