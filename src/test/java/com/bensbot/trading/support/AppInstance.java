package com.bensbot.trading.support;

import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.TradingConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;

import java.util.Map;

/**
 * One instance of the real service, started and stopped by the test itself, so that a test class can run
 * several side by side. Each instance reads its overrides under a system-property prefix of its own.
 */
public final class AppInstance implements AutoCloseable {
    private final String name;
    private final DropwizardTestSupport<TradingConfiguration> support;

    private AppInstance(String name, DropwizardTestSupport<TradingConfiguration> support) {
        this.name = name;
        this.support = support;
    }

    /** Starts an instance on random ports from {@code test-config.yml} with {@code overrides}. */
    public static AppInstance start(String name, Map<String, String> overrides) throws Exception {
        String prefix = "dw-" + name + ".";
        Map<String, String> withSpool = new java.util.LinkedHashMap<>(overrides);
        // Every instance spools into a directory of its own (two instances never share one).
        withSpool.putIfAbsent("database.spoolDirectory", TestApps.tempDirectory("spool-" + name).toString());
        ConfigOverride[] all = withSpool.entrySet().stream()
                .map(entry -> ConfigOverride.config(prefix, entry.getKey(), entry.getValue()))
                .toArray(ConfigOverride[]::new);
        DropwizardTestSupport<TradingConfiguration> support = new DropwizardTestSupport<>(TradingApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), prefix, all);
        support.before();
        return new AppInstance(name, support);
    }

    public String name() {
        return name;
    }

    public Http http() {
        return Http.localhost(support.getLocalPort());
    }

    public Http admin() {
        return Http.localhost(support.getAdminPort());
    }

    public TradingConfiguration configuration() {
        return support.getConfiguration();
    }

    @Override
    public void close() {
        support.after();
    }
}
