package com.bensbot.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupBannerTest {
    @Test
    void memoryStoreWithoutRedis() {
        TradingConfiguration config = new TradingConfiguration();

        String banner = StartupBanner.of(config, "1.0");

        assertThat(banner).contains("rate-limit store: memory").contains("broker quota:     local");
    }

    @Test
    void redisHostAndPortWithoutThePassword() {
        TradingConfiguration config = new TradingConfiguration();
        config.getRedis().setUrl("redis://:very-secret-pw@10.0.0.5:6380");

        String banner = StartupBanner.of(config, "1.0");

        assertThat(banner).contains("rate-limit store: redis (10.0.0.5:6380)")
                .contains("broker quota:     redis (10.0.0.5:6380), limit/2 per instance while unreachable")
                .doesNotContain("very-secret-pw");
    }

    @Test
    void tlsIsNamed() {
        TradingConfiguration config = new TradingConfiguration();
        config.getRedis().setUrl("rediss://:pw@cache.example.com:6380");

        assertThat(StartupBanner.of(config, "1.0")).contains("rate-limit store: redis (cache.example.com:6380, TLS)");
    }

    @Test
    void offWhenRateLimitingIsDisabled() {
        TradingConfiguration config = new TradingConfiguration();
        config.getRedis().setUrl("redis://127.0.0.1:6379");
        config.getRateLimit().setEnabled(false);

        assertThat(StartupBanner.of(config, "1.0")).contains("rate-limit store: off (rate limiting disabled)");
    }

    @Test
    void theBrokerIsItsNormalisedHostAndWhatItIs() {
        TradingConfiguration config = new TradingConfiguration();
        assertThat(StartupBanner.of(config, "1.0")).contains("broker:           sim (built-in simulator)");

        config.getAlpaca().setBaseUrl("HTTPS://user:secret-pw@API.Alpaca.Markets.:443/v2");
        assertThat(StartupBanner.of(config, "1.0"))
                .contains("broker:           api.alpaca.markets (Alpaca live API, real money)")
                .doesNotContain("secret-pw");

        config.getAlpaca().setBaseUrl("https://broker-proxy.internal");
        assertThat(StartupBanner.of(config, "1.0"))
                .contains("broker:           broker-proxy.internal (other host: paper or live is learnt from the account it reports)");
    }
}
