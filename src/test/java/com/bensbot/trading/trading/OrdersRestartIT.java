package com.bensbot.trading.trading;

import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency and the halt survive a restart on the same H2 file. */
class OrdersRestartIT {
    private static final String BODY = "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"market\","
            + "\"time_in_force\":\"day\"}";

    private static DropwizardTestSupport<TradingConfiguration> app(String databaseUrl) {
        return new DropwizardTestSupport<>(TradingApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", databaseUrl));
    }

    @Test
    void replayAndHaltSurviveARestart() throws Exception {
        String database = TestApps.tempDatabaseUrl();
        String firstBody;
        DropwizardTestSupport<TradingConfiguration> first = app(database);
        first.before();
        try {
            Http http = Http.localhost(first.getLocalPort());
            Http.Answer placed = http.postRaw("/trading/orders", BODY, "Content-Type", "application/json",
                    "Idempotency-Key", "restart-key-1");
            assertThat(placed.status()).isEqualTo(201);
            firstBody = placed.body();
            assertThat(Http.localhost(first.getAdminPort()).post("/tasks/halt-trading?reason=restart-test", null,
                    "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).isEqualTo(200);
        } finally {
            first.after();
        }

        DropwizardTestSupport<TradingConfiguration> second = app(database);
        second.before();
        try {
            Http http = Http.localhost(second.getLocalPort());
            assertThat(http.get("/health").json().get("tradingHalted").asBoolean()).isTrue();
            Http.Answer replay = http.postRaw("/trading/orders", BODY, "Content-Type", "application/json",
                    "Idempotency-Key", "restart-key-1");
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(firstBody);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

            Http.Answer fresh = http.postRaw("/trading/orders", BODY, "Content-Type", "application/json",
                    "Idempotency-Key", "restart-key-2");
            assertThat(fresh.status()).isEqualTo(423);
        } finally {
            second.after();
        }
    }
}
