package com.bensbot.trading.broker;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code alpaca} block: where the broker is, its credentials, and the resilience settings of CONTRACT §5. */
public class AlpacaConfig {
    public static final String SIM = "sim";
    public static final String DATA_URL = "https://data.alpaca.markets";

    @NotNull
    private String baseUrl = SIM;
    private String dataUrl = "";
    private String apiKey = "";
    private String secretKey = "";
    @NotNull
    private String dataFeed = "iex";
    @Valid
    @NotNull
    private Retry retry = new Retry();
    @Valid
    @NotNull
    private CircuitBreaker circuitBreaker = new CircuitBreaker();
    @Valid
    @NotNull
    private Timeouts timeouts = new Timeouts();
    @Valid
    @NotNull
    private Quota quota = new Quota();
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration priceCacheTtl = Duration.seconds(15);
    @NotNull
    private Duration staleIfErrorTtl = Duration.minutes(5);
    @Min(100)
    private int priceCacheMaxSymbols = 20_000;
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration probeInterval = Duration.seconds(15);
    @Min(1)
    @Max(512)
    private int maxConcurrentCalls = 64;

    public boolean isSimulator() {
        return brokerKind() == BrokerKind.SIMULATOR;
    }

    /** The market-data root: explicit, or {@code sim} with the simulator, else Alpaca's data API. */
    public String effectiveDataUrl() {
        if (dataUrl != null && !dataUrl.isBlank()) {
            return dataUrl.trim();
        }
        return isSimulator() ? SIM : DATA_URL;
    }

    /** What the trading URL points at; the one classification the preflight, the banner and the mode guard use. */
    public BrokerKind brokerKind() {
        return BrokerKind.of(baseUrl);
    }

    /**
     * "sim" or the broker URL's host as {@link BrokerKind#host} normalises it, for {@code /health} and the banner;
     * never the URL itself, which may carry user-info.
     */
    public String brokerLabel() {
        if (isSimulator()) {
            return SIM;
        }
        return BrokerKind.host(baseUrl).orElse("(not a URL)");
    }

    @JsonProperty
    public String getBaseUrl() {
        return baseUrl;
    }

    @JsonProperty
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @JsonProperty
    public String getDataUrl() {
        return dataUrl;
    }

    @JsonProperty
    public void setDataUrl(String dataUrl) {
        this.dataUrl = dataUrl;
    }

    @JsonProperty
    public String getApiKey() {
        return apiKey;
    }

    @JsonProperty
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey == null ? "" : apiKey;
    }

    @JsonProperty
    public String getSecretKey() {
        return secretKey;
    }

    @JsonProperty
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey == null ? "" : secretKey;
    }

    @JsonProperty
    public String getDataFeed() {
        return dataFeed;
    }

    @JsonProperty
    public void setDataFeed(String dataFeed) {
        this.dataFeed = dataFeed;
    }

    @JsonProperty
    public Retry getRetry() {
        return retry;
    }

    @JsonProperty
    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    @JsonProperty
    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    @JsonProperty
    public void setCircuitBreaker(CircuitBreaker circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }

    @JsonProperty
    public Timeouts getTimeouts() {
        return timeouts;
    }

    @JsonProperty
    public void setTimeouts(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    @JsonProperty
    public Quota getQuota() {
        return quota;
    }

    @JsonProperty
    public void setQuota(Quota quota) {
        this.quota = quota;
    }

    @JsonProperty
    public Duration getPriceCacheTtl() {
        return priceCacheTtl;
    }

    @JsonProperty
    public void setPriceCacheTtl(Duration priceCacheTtl) {
        this.priceCacheTtl = priceCacheTtl;
    }

    @JsonProperty
    public Duration getStaleIfErrorTtl() {
        return staleIfErrorTtl;
    }

    @JsonProperty
    public void setStaleIfErrorTtl(Duration staleIfErrorTtl) {
        this.staleIfErrorTtl = staleIfErrorTtl;
    }

    @JsonProperty
    public int getPriceCacheMaxSymbols() {
        return priceCacheMaxSymbols;
    }

    @JsonProperty
    public void setPriceCacheMaxSymbols(int priceCacheMaxSymbols) {
        this.priceCacheMaxSymbols = priceCacheMaxSymbols;
    }

    @JsonProperty
    public Duration getProbeInterval() {
        return probeInterval;
    }

    @JsonProperty
    public void setProbeInterval(Duration probeInterval) {
        this.probeInterval = probeInterval;
    }

    @JsonProperty
    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    @JsonProperty
    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /** {@code alpaca.retry}: exponential backoff with full jitter. */
    public static class Retry {
        @Min(0)
        @Max(10)
        private int maxRetries = 3;
        @NotNull
        private Duration initialBackoff = Duration.milliseconds(200);
        @NotNull
        private Duration maxBackoff = Duration.seconds(5);

        @JsonProperty
        public int getMaxRetries() {
            return maxRetries;
        }

        @JsonProperty
        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        @JsonProperty
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        @JsonProperty
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        @JsonProperty
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        @JsonProperty
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** {@code alpaca.circuitBreaker}: a count window per API. */
    public static class CircuitBreaker {
        @Min(1)
        private int failureThreshold = 5;
        @Min(1)
        private int failureWindow = 10;
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        private Duration openDuration = Duration.seconds(30);
        @Min(1)
        private int halfOpenTrials = 3;

        @JsonProperty
        public int getFailureThreshold() {
            return failureThreshold;
        }

        @JsonProperty
        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        @JsonProperty
        public int getFailureWindow() {
            return failureWindow;
        }

        @JsonProperty
        public void setFailureWindow(int failureWindow) {
            this.failureWindow = failureWindow;
        }

        @JsonProperty
        public Duration getOpenDuration() {
            return openDuration;
        }

        @JsonProperty
        public void setOpenDuration(Duration openDuration) {
            this.openDuration = openDuration;
        }

        @JsonProperty
        public int getHalfOpenTrials() {
            return halfOpenTrials;
        }

        @JsonProperty
        public void setHalfOpenTrials(int halfOpenTrials) {
            this.halfOpenTrials = halfOpenTrials;
        }
    }

    /** {@code alpaca.timeouts}: per try (connect, request) and for the whole call with retries (total). */
    public static class Timeouts {
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        private Duration connect = Duration.seconds(2);
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        private Duration request = Duration.seconds(5);
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        private Duration total = Duration.seconds(8);

        @JsonProperty
        public Duration getConnect() {
            return connect;
        }

        @JsonProperty
        public void setConnect(Duration connect) {
            this.connect = connect;
        }

        @JsonProperty
        public Duration getRequest() {
            return request;
        }

        @JsonProperty
        public void setRequest(Duration request) {
            this.request = request;
        }

        @JsonProperty
        public Duration getTotal() {
            return total;
        }

        @JsonProperty
        public void setTotal(Duration total) {
            this.total = total;
        }
    }

    /**
     * {@code alpaca.quota}: the broker's request allowance per account and API, kept locally so that the gateway
     * slows down before the broker answers 429.
     */
    public static class Quota {
        @Valid
        @NotNull
        private Allowance trading = new Allowance();
        @Valid
        @NotNull
        private Allowance data = new Allowance();
        @NotNull
        private Duration maxWait = Duration.milliseconds(250);
        @Min(1)
        private int instances = 2;

        @JsonProperty
        public Allowance getTrading() {
            return trading;
        }

        @JsonProperty
        public void setTrading(Allowance trading) {
            this.trading = trading;
        }

        @JsonProperty
        public Allowance getData() {
            return data;
        }

        @JsonProperty
        public void setData(Allowance data) {
            this.data = data;
        }

        @JsonProperty
        public Duration getMaxWait() {
            return maxWait;
        }

        @JsonProperty
        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }

        @JsonProperty
        public int getInstances() {
            return instances;
        }

        @JsonProperty
        public void setInstances(int instances) {
            this.instances = instances;
        }

        /** {@code limit} broker requests per {@code window}. */
        public static class Allowance {
            @Min(1)
            private int limit = 200;
            @NotNull
            @MinDuration(value = 1, unit = TimeUnit.SECONDS)
            private Duration window = Duration.minutes(1);

            @JsonProperty
            public int getLimit() {
                return limit;
            }

            @JsonProperty
            public void setLimit(int limit) {
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
}
