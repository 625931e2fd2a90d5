package com.bensbot.trading.trading;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Layer 4 on the simulator: allow-list, tradable, per-order value cap and the daily notional cap, in that order. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OrderPolicyIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator(
            ConfigOverride.config("trading.allowedSymbols", "AAPL, msft,SPY,NOPE"),
            ConfigOverride.config("trading.maxOrderValueUsd", "1000"),
            ConfigOverride.config("trading.maxDailyNotionalUsd", "2500"));

    private Http http;

    @BeforeEach
    void setUp() {
        http = Http.localhost(APP.getLocalPort());
    }

    private Http.Answer submit(String body) {
        return http.postRaw("/trading/orders", body, "Content-Type", "application/json");
    }

    private static String limitBuy(String symbol, String qty, String price) {
        return "{\"symbol\":\"" + symbol + "\",\"qty\":\"" + qty + "\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"limit_price\":\"" + price + "\",\"time_in_force\":\"gtc\"}";
    }

    private static void assertProblem(Http.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/" + type);
    }

    @Test
    void policyLayersRefuseInOrder() {
        assertProblem(submit(limitBuy("TSLA", "1", "1")), 422, "symbol-not-tradable");
        assertProblem(submit(limitBuy("NOPE", "1", "1")), 422, "symbol-not-tradable");
        assertProblem(submit(limitBuy("AAPL", "10", "100.01")), 422, "order-value-exceeded");
        assertProblem(submit("{\"symbol\":\"SPY\",\"notional\":\"1000.01\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}"), 422, "order-value-exceeded");
        assertProblem(submit("{\"symbol\":\"MSFT\",\"qty\":\"1001\",\"side\":\"sell\",\"type\":\"stop\","
                + "\"stop_price\":\"1\",\"time_in_force\":\"day\"}"), 422, "order-value-exceeded");

        assertThat(submit(limitBuy("AAPL", "10", "90")).status()).isEqualTo(201);
        assertThat(submit(limitBuy("MSFT", "10", "90")).status()).isEqualTo(201);
        assertProblem(submit(limitBuy("AAPL", "10", "90")), 422, "daily-limit-exceeded");
        assertThat(submit(limitBuy("AAPL", "7", "100")).status()).as("700 still fits under 2500").isEqualTo(201);
    }

    @Test
    void marketOrdersAreValuedAtTheLatestAsk() {
        // 1 share of SPY (about 600 in the simulator) fits; 2 do not.
        Http.Answer quote = http.get("/live/quote/SPY");
        double ask = quote.json().get("quote").get("ap").asDouble();
        assertThat(ask).isBetween(300.0, 999.0);
        assertProblem(submit("{\"symbol\":\"SPY\",\"qty\":\"2\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}"), 422, "order-value-exceeded");
    }

    @Test
    void marketableOrdersWithATokenPriceAreValuedAtTheMarket() {
        // 2 shares of SPY are about 1200 at the simulator's bid or ask, whatever price the order names.
        Http.Answer quote = http.get("/live/quote/SPY");
        assertThat(quote.json().get("quote").get("bp").asDouble()).isBetween(501.0, 999.0);
        assertProblem(submit("{\"symbol\":\"SPY\",\"qty\":\"2\",\"side\":\"sell\",\"type\":\"limit\","
                + "\"limit_price\":\"0.01\",\"time_in_force\":\"day\"}"), 422, "order-value-exceeded");
        assertProblem(submit("{\"symbol\":\"SPY\",\"qty\":\"2\",\"side\":\"buy\",\"type\":\"stop\","
                + "\"stop_price\":\"0.01\",\"time_in_force\":\"day\"}"), 422, "order-value-exceeded");
    }
}
