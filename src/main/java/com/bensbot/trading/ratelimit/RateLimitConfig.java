package com.bensbot.trading.ratelimit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code rateLimit} block (CONTRACT §8): per-client token buckets per endpoint group. */
public class RateLimitConfig {
    private boolean enabled = true;
    @Valid
    @NotNull
    private Groups groups = new Groups();
    @NotNull
    private List<String> trustedProxies = new ArrayList<>();
    @Min(0)
    private int alertThreshold = 20;
    @Min(100)
    private int maxTrackedClients = 100_000;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public Groups getGroups() {
        return groups;
    }

    @JsonProperty
    public void setGroups(Groups groups) {
        this.groups = groups;
    }

    @JsonProperty
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? new ArrayList<>() : trustedProxies;
    }

    @JsonProperty
    public int getAlertThreshold() {
        return alertThreshold;
    }

    @JsonProperty
    public void setAlertThreshold(int alertThreshold) {
        this.alertThreshold = alertThreshold;
    }

    @JsonProperty
    public int getMaxTrackedClients() {
        return maxTrackedClients;
    }

    @JsonProperty
    public void setMaxTrackedClients(int maxTrackedClients) {
        this.maxTrackedClients = maxTrackedClients;
    }

    @JsonIgnore
    @ValidationMethod(message = "rateLimit.trustedProxies must be CIDR blocks such as 10.0.0.0/8 or fd00::/8")
    public boolean isTrustedProxiesValid() {
        try {
            TrustedProxies.parse(trustedProxies);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code rateLimit.groups}: a limit and window per group. Each group keeps its own defaults when partly set. */
    public static class Groups {
        @Valid
        @NotNull
        private Group trading = new Group(30, Duration.minutes(1));
        @Valid
        @NotNull
        private Group data = new Group(300, Duration.minutes(1));
        @Valid
        @NotNull
        private Group admin = new Group(10, Duration.minutes(1));
        @Valid
        @NotNull
        private Group defaultGroup = new Group(600, Duration.minutes(1));

        public Group of(RateGroup group) {
            return switch (group) {
                case TRADING -> trading;
                case DATA -> data;
                case ADMIN -> admin;
                case DEFAULT -> defaultGroup;
            };
        }

        @JsonProperty
        @JsonMerge
        public Group getTrading() {
            return trading;
        }

        @JsonProperty
        public void setTrading(Group trading) {
            this.trading = trading;
        }

        @JsonProperty
        @JsonMerge
        public Group getData() {
            return data;
        }

        @JsonProperty
        public void setData(Group data) {
            this.data = data;
        }

        @JsonProperty
        @JsonMerge
        public Group getAdmin() {
            return admin;
        }

        @JsonProperty
        public void setAdmin(Group admin) {
            this.admin = admin;
        }

        @JsonProperty("default")
        @JsonMerge
        public Group getDefault() {
            return defaultGroup;
        }

        @JsonProperty("default")
        public void setDefault(Group defaultGroup) {
            this.defaultGroup = defaultGroup;
        }
    }

    /** One group's allowance: {@code limit} requests per {@code window}, refilled greedily. */
    public static class Group {
        @Min(1)
        private long limit;
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        private Duration window;

        public Group() {
            this(1, Duration.minutes(1));
        }

        public Group(long limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        @JsonProperty
        public long getLimit() {
            return limit;
        }

        @JsonProperty
        public void setLimit(long limit) {
            this.limit = limit;
        }

        @JsonProperty
        public Duration getWindow() {
            return window;
        }

        @JsonProperty
        public void setWindow(Duration window) {
            this.window = window;
        }
    }
}
