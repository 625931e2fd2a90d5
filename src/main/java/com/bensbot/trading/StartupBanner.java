package com.bensbot.trading;

import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.store.DatabaseKind;

/** The one start-up block an operator reads first: what this instance is and how it will trade. No secrets. */
final class StartupBanner {
    private StartupBanner() {
    }

    static String of(TradingConfiguration config, String version) {
        AlpacaConfig alpaca = config.getAlpaca();
        String liveTrading = config.getTrading().isLiveTradingEnabled() ? "ON" : "off";
        return String.join(System.lineSeparator(),
                "BensBot Trading Gateway " + version,
                "  environment:      " + config.getEnvironment(),
                "  trading mode:     " + config.getTrading().getMode(),
                "  broker:           " + alpaca.brokerLabel() + " (" + alpaca.brokerKind().description() + ")",
                "  live trading:     " + liveTrading,
                "  max order value:  " + config.getTrading().getMaxOrderValueUsd().toPlainString() + " USD",
                "  max daily value:  " + config.getTrading().getMaxDailyNotionalUsd().toPlainString() + " USD",
                "  database:         " + DatabaseKind.of(config.getDatabase().getUrl()).name().toLowerCase(java.util.Locale.ROOT),
                "  rate-limit store: " + rateLimitStore(config),
                "  broker quota:     " + brokerQuotaStore(config));
    }

    /** Where the broker quota is counted, and what each instance keeps to without Redis. */
    static String brokerQuotaStore(TradingConfiguration config) {
        int instances = config.getAlpaca().getQuota().getInstances();
        return config.getRedis().parsedUrl()
                .map(url -> "redis (" + url.hostPort() + "), limit/" + instances + " per instance while unreachable")
                .orElse("local (the whole account limit)");
    }

    /** {@code memory}, {@code redis (host:port)} (never the password), or off. */
    static String rateLimitStore(TradingConfiguration config) {
        if (!config.getRateLimit().isEnabled()) {
            return "off (rate limiting disabled)";
        }
        return config.getRedis().parsedUrl()
                .map(url -> "redis (" + url.hostPort() + (url.tls() ? ", TLS" : "") + ")")
                .orElse("memory");
    }
}
