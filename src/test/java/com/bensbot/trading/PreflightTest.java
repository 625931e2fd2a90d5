package com.bensbot.trading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightTest {
    private static final String TOKEN = "t".repeat(32);
    private static final String KEY = "k".repeat(32);

    private static TradingConfiguration production() {
        TradingConfiguration config = new TradingConfiguration();
        config.setEnvironment("production");
        config.getAdmin().setToken(TOKEN);
        config.getClients().setApiKeys("bot:" + KEY);
        config.getCors().setAllowedOrigins("https://desk.example.com");
        return config;
    }

    @Test
    void aSoundProductionConfigurationPasses() {
        Preflight.Result result = Preflight.check(production());
        assertThat(result.fatal()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void developmentDefaultsPassWithWarnings() {
        TradingConfiguration config = new TradingConfiguration();
        config.getCors().setAllowedOrigins("*");
        Preflight.Result result = Preflight.check(config);
        assertThat(result.passed()).isTrue();
        assertThat(result.warnings()).anyMatch(w -> w.contains("ADMIN_TOKEN"))
                .anyMatch(w -> w.contains("API_KEYS"))
                .anyMatch(w -> w.contains("CORS_ALLOWED_ORIGINS"));
    }

    @Test
    void productionRefusesWeakSecretsAndOpenCors() {
        TradingConfiguration config = production();
        config.getAdmin().setToken("short");
        config.getClients().setApiKeys("bot:short,desk:" + KEY);
        config.getCors().setAllowedOrigins("*");
        Preflight.Result result = Preflight.check(config);
        assertThat(result.fatal()).hasSize(3)
                .anyMatch(line -> line.contains("ADMIN_TOKEN is shorter than 32"))
                .anyMatch(line -> line.contains("client bot"))
                .anyMatch(line -> line.contains("CORS_ALLOWED_ORIGINS"));
        assertThat(String.join("\n", result.fatal())).doesNotContain("short,");
        config.getAdmin().setToken("");
        config.getClients().setApiKeys("");
        assertThat(Preflight.check(config).fatal()).anyMatch(line -> line.equals("ADMIN_TOKEN is not set"))
                .anyMatch(line -> line.startsWith("API_KEYS is empty"));
    }

    @Test
    void fatalEverywhere() {
        TradingConfiguration config = new TradingConfiguration();
        config.setEnvironment("staging");
        assertThat(Preflight.check(config).fatal()).contains("ENVIRONMENT must be development or production");

        config = new TradingConfiguration();
        config.getTrading().setMode("live");
        assertThat(Preflight.check(config).fatal()).anyMatch(line -> line.startsWith("TRADING_MODE=live disagrees"));

        config = new TradingConfiguration();
        config.getAlpaca().setBaseUrl("https://api.alpaca.markets");
        config.getAlpaca().setApiKey("id");
        config.getAlpaca().setSecretKey("secret");
        assertThat(Preflight.check(config).fatal()).anyMatch(line -> line.startsWith("TRADING_MODE=paper disagrees"));

        config = new TradingConfiguration();
        config.getAlpaca().setBaseUrl("https://paper-api.alpaca.markets");
        assertThat(Preflight.check(config).fatal()).anyMatch(line -> line.startsWith("ALPACA_API_KEY"));

        config = new TradingConfiguration();
        config.getTrading().setLiveTradingEnabled(true);
        assertThat(Preflight.check(config).fatal()).contains("ENABLE_LIVE_TRADING=true needs TRADING_MODE=live");

        config = new TradingConfiguration();
        config.getTrading().setMaxOrderValueUsd(BigDecimal.ZERO);
        config.getTrading().setMaxDailyNotionalUsd(new BigDecimal("-1"));
        assertThat(Preflight.check(config).fatal()).contains("MAX_ORDER_VALUE_USD must be a positive number",
                "MAX_DAILY_NOTIONAL_USD must be a positive number");

        config = new TradingConfiguration();
        config.getTrading().setMode("yolo");
        assertThat(Preflight.check(config).fatal()).contains("TRADING_MODE must be paper or live");
    }

    @Test
    void liveModeWithTheLiveUrlOrAProxyIsConsistent() {
        TradingConfiguration config = production();
        config.getTrading().setMode("live");
        config.getTrading().setLiveTradingEnabled(true);
        config.getAlpaca().setBaseUrl("https://api.alpaca.markets/");
        config.getAlpaca().setApiKey("id");
        config.getAlpaca().setSecretKey("secret");
        assertThat(Preflight.check(config).fatal()).isEmpty();
        config.getAlpaca().setBaseUrl("http://broker-proxy.internal:8080");
        assertThat(Preflight.check(config).fatal()).anyMatch(line -> line.contains("plain http://"));
        config.getAlpaca().setBaseUrl("http://127.0.0.1:8080");
        assertThat(Preflight.check(config).fatal()).isEmpty();
    }

    private static TradingConfiguration withBroker(TradingConfiguration config, String url) {
        config.getAlpaca().setBaseUrl(url);
        config.getAlpaca().setApiKey("id");
        config.getAlpaca().setSecretKey("secret");
        return config;
    }

    @ParameterizedTest
    @MethodSource("com.bensbot.trading.broker.BrokerKindTest#liveSpellings")
    void paperModeWithAnySpellingOfTheLiveUrlIsFatalInDevelopmentAndProduction(String url) {
        for (TradingConfiguration config : new TradingConfiguration[]{new TradingConfiguration(), production()}) {
            Preflight.Result result = Preflight.check(withBroker(config, url));
            assertThat(result.passed()).as(config.getEnvironment()).isFalse();
            assertThat(result.fatal()).contains(
                    "TRADING_MODE=paper disagrees with ALPACA_BASE_URL: host api.alpaca.markets is Alpaca's live API"
                            + " (real money)");
            assertThat(String.join("\n", result.fatal())).doesNotContain("pw@");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "SIM", "https://paper-api.alpaca.markets/v2", "HTTPS://Paper-API.Alpaca.Markets.:443"})
    void liveModeWithThePaperUrlOrTheSimulatorIsFatal(String url) {
        TradingConfiguration config = withBroker(production(), url);
        config.getTrading().setMode("live");
        config.getTrading().setLiveTradingEnabled(true);

        assertThat(Preflight.check(config).fatal()).singleElement().asString()
                .startsWith("TRADING_MODE=live disagrees with ALPACA_BASE_URL ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://paper-api.alpaca.markets/v2", "http://127.0.0.1:8089", "http://[::1]:8089",
            "https://broker-proxy.internal", "https://api.alpaca.markets.evil.com"})
    void paperModeWithAPaperLoopbackOrOtherUrlPasses(String url) {
        assertThat(Preflight.check(withBroker(production(), url)).fatal()).isEmpty();
    }

    @Test
    void thePlainHttpWarningNamesTheHostNotTheUserInfo() {
        Preflight.Result result = Preflight.check(withBroker(new TradingConfiguration(),
                "http://user:secret-pw@Broker-Proxy.internal.:8080/v2"));
        assertThat(result.warnings())
                .contains("ALPACA_BASE_URL host broker-proxy.internal is plain http:// and not loopback");
        assertThat(String.join("\n", result.warnings())).doesNotContain("secret-pw");
    }

    @Test
    void malformedApiKeysAreFatalWithoutShowingKeys() {
        TradingConfiguration config = new TradingConfiguration();
        config.getClients().setApiKeys("bot-without-key-secretvalue");
        assertThat(Preflight.check(config).fatal()).singleElement().asString()
                .contains("entry 1").doesNotContain("secretvalue");
    }
}
