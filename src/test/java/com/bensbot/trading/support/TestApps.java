package com.bensbot.trading.support;

import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.TradingConfiguration;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** Builders for the service under test and its broker double. */
public final class TestApps {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

    private TestApps() {
    }

    /** A started WireMock on a random loopback port (started at once so its URL can feed the config). */
    public static WireMockServer startBroker() {
        WireMockServer broker = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        broker.start();
        return broker;
    }

    /** The service on random ports with both broker APIs pointed at {@code broker}. */
    public static DropwizardAppExtension<TradingConfiguration> against(WireMockServer broker,
                                                                       ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("database.url", tempDatabaseUrl()));
        all.add(ConfigOverride.config("alpaca.baseUrl", broker::baseUrl));
        all.add(ConfigOverride.config("alpaca.dataUrl", broker::baseUrl));
        all.addAll(Arrays.asList(overrides));
        return new DropwizardAppExtension<>(TradingApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                all.toArray(ConfigOverride[]::new));
    }

    /** The service on the built-in simulator. */
    public static DropwizardAppExtension<TradingConfiguration> onSimulator(ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("database.url", tempDatabaseUrl()));
        all.addAll(Arrays.asList(overrides));
        return new DropwizardAppExtension<>(TradingApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                all.toArray(ConfigOverride[]::new));
    }

    /** A fresh directory under {@code target/test-databases/}. */
    public static Path tempDirectory(String prefix) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-databases"));
            return Files.createTempDirectory(parent, prefix + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh H2 file database under {@code target/test-databases/}. Every app built here gets one (a later
     * {@code database.url} override wins, e.g. to restart on the same file), so no test writes {@code ./data}.
     */
    public static String tempDatabaseUrl() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-databases"));
            return "jdbc:h2:file:" + Files.createTempDirectory(parent, "db-").toAbsolutePath() + "/db";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
