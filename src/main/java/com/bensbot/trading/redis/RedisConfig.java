package com.bensbot.trading.redis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code redis} block (CONTRACT §2, §5, §8): with {@code url} set, client rate-limit buckets and the broker
 * quota live in Redis and are shared by every instance; empty keeps both in memory.
 */
public class RedisConfig {
    @NotNull
    private String url = "";
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
    private Duration commandTimeout = Duration.milliseconds(100);
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration connectTimeout = Duration.seconds(2);
    @Min(1)
    private int failureThreshold = 3;
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration skipFor = Duration.seconds(10);
    @NotNull
    @Pattern(regexp = "[A-Za-z0-9:_.{}-]{1,64}", message = "must be 1-64 of A-Z a-z 0-9 : _ . { } -")
    private String keyPrefix = "bensbot:";

    /** The parsed URL, or empty when Redis is not configured. */
    @JsonIgnore
    public Optional<RedisUrl> parsedUrl() {
        return url.isBlank() ? Optional.empty() : Optional.of(RedisUrl.parse(url));
    }

    @JsonIgnore
    public boolean isEnabled() {
        return !url.isBlank();
    }

    @JsonIgnore
    @ValidationMethod(message = "redis.url (REDIS_URL) must be redis://[:password@]host:port or "
            + "rediss://[:password@]host:port, optionally with /<database>")
    public boolean isUrlValid() {
        try {
            parsedUrl();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null ? "" : url.trim();
    }

    @JsonProperty
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    @JsonProperty
    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public int getFailureThreshold() {
        return failureThreshold;
    }

    @JsonProperty
    public void setFailureThreshold(int failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    @JsonProperty
    public Duration getSkipFor() {
        return skipFor;
    }

    @JsonProperty
    public void setSkipFor(Duration skipFor) {
        this.skipFor = skipFor;
    }

    @JsonProperty
    public String getKeyPrefix() {
        return keyPrefix;
    }

    @JsonProperty
    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }
}
