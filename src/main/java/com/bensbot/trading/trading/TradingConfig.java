package com.bensbot.trading.trading;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The {@code trading} block: mode and the order safety limits (CONTRACT §2, §6). */
public class TradingConfig {
    /** Checked by the preflight, together with the broker URL it must agree with. */
    @NotNull
    private String mode = "paper";
    private boolean liveTradingEnabled = false;
    @NotNull
    private BigDecimal maxOrderValueUsd = new BigDecimal("1000");
    @NotNull
    private BigDecimal maxDailyNotionalUsd = new BigDecimal("25000");
    @NotNull
    private String allowedSymbols = "";
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration idempotencyTtl = Duration.hours(24);

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

    /** The allow-list as upper-case symbols; empty means every tradable symbol. */
    public Set<String> allowedSymbolSet() {
        return Arrays.stream(allowedSymbols.split(","))
                .map(String::trim)
                .filter(symbol -> !symbol.isEmpty())
                .map(symbol -> symbol.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @JsonProperty
    public Duration getIdempotencyTtl() {
        return idempotencyTtl;
    }

    @JsonProperty
    public void setIdempotencyTtl(Duration idempotencyTtl) {
        this.idempotencyTtl = idempotencyTtl;
    }
}
