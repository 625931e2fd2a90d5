package com.bensbot.trading;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.ratelimit.RateLimitConfig;
import com.bensbot.trading.redis.RedisConfig;
import com.bensbot.trading.http.MonitoringConfig;
import com.bensbot.trading.security.AdminConfig;
import com.bensbot.trading.security.ClientsConfig;
import com.bensbot.trading.security.CorsConfig;
import com.bensbot.trading.store.DatabaseConfig;
import com.bensbot.trading.trading.TradingConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The root configuration: one block per concern, every default shown in {@code config.yml}. */
public class TradingConfiguration extends Configuration {
    public static final String DEVELOPMENT = "development";
    public static final String PRODUCTION = "production";

    /** Checked by the preflight, which names a bad value in one clear line. */
    @NotNull
    private String environment = DEVELOPMENT;
    @Valid
    @NotNull
    private AlpacaConfig alpaca = new AlpacaConfig();
    @Valid
    @NotNull
    private AdminConfig admin = new AdminConfig();
    @Valid
    @NotNull
    private TradingConfig trading = new TradingConfig();
    @Valid
    @NotNull
    private SimConfig sim = new SimConfig();
    @Valid
    @NotNull
    private ClientsConfig clients = new ClientsConfig();
    @Valid
    @NotNull
    private CorsConfig cors = new CorsConfig();
    @Valid
    @NotNull
    private DatabaseConfig database = new DatabaseConfig();
    @Valid
    @NotNull
    private RateLimitConfig rateLimit = new RateLimitConfig();
    @Valid
    @NotNull
    private RedisConfig redis = new RedisConfig();
    @Valid
    @NotNull
    private MonitoringConfig monitoring = new MonitoringConfig();

    /** The longest a store call may wait for a pooled connection (the pool's maximum wait). */
    static final java.time.Duration STORE_WAIT = java.time.Duration.ofSeconds(5);
    /** How long a request waits for another request that holds its idempotency key. */
    static final java.time.Duration IDEMPOTENCY_WAIT = java.time.Duration.ofSeconds(2);

    /**
     * An upper bound on one order request from the first check to its last write: the wait for a held key, the
     * look-up that resolves it, the asset check, a quote and a trade load (each up to the loader's wait plus a
     * broker call), the submission (its budget, one more attempt and its look-up), and the store calls. A key held
     * in progress for longer belongs to a request whose instance died; a shutdown lets in-flight orders run this
     * long so that they write their outcome; an unresolved order quiet for this long has no attempt on its way.
     */
    @JsonIgnore
    public java.time.Duration slowestOrderPath() {
        java.time.Duration total = alpaca.getTimeouts().getTotal().toJavaDuration();
        java.time.Duration request = alpaca.getTimeouts().getRequest().toJavaDuration();
        java.time.Duration priceLoad = priceLoadMaxWait().plus(total);
        return IDEMPOTENCY_WAIT
                .plus(total.multipliedBy(2))
                .plus(priceLoad.multipliedBy(2))
                .plus(total.multipliedBy(2)).plus(request)
                .plus(STORE_WAIT.multipliedBy(4));
    }

    /** How long a price load waits for a free broker slot: the broker budget and one second more. */
    @JsonIgnore
    public java.time.Duration priceLoadMaxWait() {
        return alpaca.getTimeouts().getTotal().toJavaDuration().plusSeconds(1);
    }

    public boolean isProduction() {
        return PRODUCTION.equals(environment);
    }

    @JsonProperty
    public String getEnvironment() {
        return environment;
    }

    @JsonProperty
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    @JsonProperty
    public AlpacaConfig getAlpaca() {
        return alpaca;
    }

    @JsonProperty
    public void setAlpaca(AlpacaConfig alpaca) {
        this.alpaca = alpaca;
    }

    @JsonProperty
    public AdminConfig getAdmin() {
        return admin;
    }

    @JsonProperty
    public void setAdmin(AdminConfig admin) {
        this.admin = admin;
    }

    @JsonProperty
    public TradingConfig getTrading() {
        return trading;
    }

    @JsonProperty
    public void setTrading(TradingConfig trading) {
        this.trading = trading;
    }

    @JsonProperty
    public SimConfig getSim() {
        return sim;
    }

    @JsonProperty
    public void setSim(SimConfig sim) {
        this.sim = sim;
    }

    @JsonProperty
    public ClientsConfig getClients() {
        return clients;
    }

    @JsonProperty
    public void setClients(ClientsConfig clients) {
        this.clients = clients;
    }

    @JsonProperty
    public CorsConfig getCors() {
        return cors;
    }

    @JsonProperty
    public void setCors(CorsConfig cors) {
        this.cors = cors;
    }

    @JsonProperty
    public DatabaseConfig getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseConfig database) {
        this.database = database;
    }

    @JsonProperty
    public RateLimitConfig getRateLimit() {
        return rateLimit;
    }

    @JsonProperty
    public void setRateLimit(RateLimitConfig rateLimit) {
        this.rateLimit = rateLimit;
    }

    @JsonProperty
    public RedisConfig getRedis() {
        return redis;
    }

    @JsonProperty
    public void setRedis(RedisConfig redis) {
        this.redis = redis;
    }

    @JsonProperty
    public MonitoringConfig getMonitoring() {
        return monitoring;
    }

    @JsonProperty
    public void setMonitoring(MonitoringConfig monitoring) {
        this.monitoring = monitoring;
    }

    /** The {@code sim} block: settings of the built-in simulator, used when {@code alpaca.baseUrl} is {@code sim}. */
    public static class SimConfig {
        @NotNull
        private Duration latency = Duration.milliseconds(0);
        @Min(1)
        private int rateLimitPerMinute = 200;

        /** The per-minute limit the simulator reports in {@code X-Ratelimit-*} (Alpaca's 200); benchmarks raise it. */
        @JsonProperty
        public int getRateLimitPerMinute() {
            return rateLimitPerMinute;
        }

        @JsonProperty
        public void setRateLimitPerMinute(int rateLimitPerMinute) {
            this.rateLimitPerMinute = rateLimitPerMinute;
        }

        @JsonProperty
        public Duration getLatency() {
            return latency;
        }

        @JsonProperty
        public void setLatency(Duration latency) {
            this.latency = latency;
        }
    }
}
