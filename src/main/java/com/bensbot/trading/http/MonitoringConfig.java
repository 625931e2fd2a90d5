package com.bensbot.trading.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** The {@code monitoring} block: per-route latency tracking and slow-request logs (CONTRACT §2, §4). */
public class MonitoringConfig {
    private boolean enabled = true;
    @NotNull
    private Duration slowRequestThreshold = Duration.milliseconds(500);
    @NotNull
    private Duration verySlowRequestThreshold = Duration.seconds(2);

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public Duration getSlowRequestThreshold() {
        return slowRequestThreshold;
    }

    @JsonProperty
    public void setSlowRequestThreshold(Duration slowRequestThreshold) {
        this.slowRequestThreshold = slowRequestThreshold;
    }

    @JsonProperty
    public Duration getVerySlowRequestThreshold() {
        return verySlowRequestThreshold;
    }

    @JsonProperty
    public void setVerySlowRequestThreshold(Duration verySlowRequestThreshold) {
        this.verySlowRequestThreshold = verySlowRequestThreshold;
    }

    @JsonIgnore
    @AssertTrue(message = "verySlowRequestThreshold must not be below slowRequestThreshold")
    public boolean isThresholdOrderValid() {
        return slowRequestThreshold == null || verySlowRequestThreshold == null
                || verySlowRequestThreshold.toNanoseconds() >= slowRequestThreshold.toNanoseconds();
    }
}
