package com.bensbot.trading.support;

import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.TradingConfiguration;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway plus a Jersey response filter that marks every answer Jersey gives with {@link #MARKER}: a test can
 * tell an answer of a servlet filter before Jersey (the cache-hit and open-breaker paths) from Jersey's own.
 */
public class JerseyMarkedApp extends TradingApplication {
    public static final String MARKER = "X-Test-Answered-By-Jersey";

    @Override
    public void run(TradingConfiguration config, Environment environment) {
        super.run(config, environment);
        environment.jersey().register((ContainerResponseFilter) (request, response) ->
                response.getHeaders().putSingle(MARKER, "yes"));
    }

    /**
     * Like {@link TestApps#against}, on this app, with {@code keysAndValues} as further overrides. Each app reads its
     * overrides under a system-property prefix of its own ({@code dw-<name>.}): two apps sharing the default
     * {@code dw.} prefix in one class restore each other's values when they stop, and the broker URL would leak into
     * the test classes that run after it.
     */
    public static DropwizardAppExtension<TradingConfiguration> against(WireMockServer broker, String name,
                                                                       String... keysAndValues) {
        String prefix = "dw-" + name + ".";
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config(prefix, "database.url", TestApps.tempDatabaseUrl()));
        all.add(ConfigOverride.config(prefix, "alpaca.baseUrl", broker::baseUrl));
        all.add(ConfigOverride.config(prefix, "alpaca.dataUrl", broker::baseUrl));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            all.add(ConfigOverride.config(prefix, keysAndValues[i], keysAndValues[i + 1]));
        }
        return new DropwizardAppExtension<>(JerseyMarkedApp.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                prefix, all.toArray(ConfigOverride[]::new));
    }
}
