package com.bensbot.trading.security;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code admin} block: the admin credential ({@code ADMIN_TOKEN}). */
public class AdminConfig {
    private String token = "";

    @JsonProperty
    public String getToken() {
        return token;
    }

    @JsonProperty
    public void setToken(String token) {
        this.token = token == null ? "" : token;
    }

    @Override
    public String toString() {
        return "AdminConfig{token=<redacted>}";
    }
}
