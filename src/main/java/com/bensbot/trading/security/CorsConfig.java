package com.bensbot.trading.security;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;

/** The {@code cors} block: exact browser origins allowed to call the main port ({@code CORS_ALLOWED_ORIGINS}). */
public class CorsConfig {
    private String allowedOrigins = "";

    @JsonProperty
    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    @JsonProperty
    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins == null ? "" : allowedOrigins;
    }

    public List<String> origins() {
        return Arrays.stream(allowedOrigins.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toList();
    }

    public boolean allowsAnyOrigin() {
        return origins().contains("*");
    }
}
