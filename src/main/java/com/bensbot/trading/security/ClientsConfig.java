package com.bensbot.trading.security;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code clients} block: client API keys ({@code API_KEYS}, comma-separated {@code name:key} pairs). */
public class ClientsConfig {
    private String apiKeys = "";

    @JsonProperty
    public String getApiKeys() {
        return apiKeys;
    }

    @JsonProperty
    public void setApiKeys(String apiKeys) {
        this.apiKeys = apiKeys == null ? "" : apiKeys;
    }

    /** Name → key; throws IllegalArgumentException naming the first malformed pair (never the key itself). */
    public Map<String, String> parsedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        int position = 0;
        for (String pair : apiKeys.split(",")) {
            position++;
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("API_KEYS entry " + position + " is not of the form name:key");
            }
            String name = trimmed.substring(0, colon).trim();
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("API_KEYS entry " + position
                        + " has a name that is not 1–64 characters of A–Z, a–z, 0–9, '.', '_' and '-'");
            }
            if (keys.put(name, trimmed.substring(colon + 1).trim()) != null) {
                throw new IllegalArgumentException("API_KEYS names the client " + name + " twice");
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "ClientsConfig{apiKeys=<redacted>}";
    }
}
