package com.bensbot.trading.trading;

import ch.qos.logback.classic.Level;
import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.broker.BrokerKind;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.bensbot.trading.support.BrokerStubs.asset;
import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.order;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real service with a broker URL that is neither Alpaca's paper host nor loopback ({@link BrokerKind#OTHER}):
 * the broker double listens on one of this machine's own non-loopback addresses, so the URL is classified like a
 * proxy's and still reaches WireMock. Orders wait until the account the broker reports is a paper account.
 */
class LiveGateIT {
    private static final String PREFIX = "dw-livegate.";
    private static final String ACCOUNT = "/v2/account";
    private static final String ORDERS = "/v2/orders";
    private static final Optional<InetAddress> OWN_ADDRESS = nonLoopbackAddress();

    private WireMockServer broker;
    private DropwizardTestSupport<TradingConfiguration> app;
    private LogCapture gateLog;
    private Http http;
    private Http admin;

    /** The broker double on one of this machine's non-loopback addresses, so that its URL is {@code OTHER}. */
    private void startBrokerOnOwnAddress() {
        assumeTrue(OWN_ADDRESS.isPresent(), "this machine has no non-loopback IPv4 address to put the broker on");
        startBroker(OWN_ADDRESS.get().getHostAddress());
    }

    private void startBroker(String address) {
        broker = new WireMockServer(options().dynamicPort().bindAddress(address));
        broker.start();
        broker.stubFor(get(urlPathMatching("/v2/assets/[A-Z]+")).willReturn(okJson(asset("AAPL", true))));
        broker.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/quotes/latest"))
                .willReturn(okJson(latestQuote("AAPL", "100.00", "99.98"))));
        broker.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(okJson(order(UUID.randomUUID().toString(), "c",
                "AAPL", "2", "new"))));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.after();
        }
        if (gateLog != null) {
            gateLog.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private void startGateway(BrokerKind expected) throws Exception {
        String url = "http://" + broker.getOptions().bindAddress() + ":" + broker.port();
        assertThat(BrokerKind.of(url)).isEqualTo(expected);
        app = new DropwizardTestSupport<>(TradingApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), PREFIX,
                ConfigOverride.config(PREFIX, "database.url", TestApps.tempDatabaseUrl()),
                ConfigOverride.config(PREFIX, "alpaca.baseUrl", url),
                ConfigOverride.config(PREFIX, "alpaca.dataUrl", url),
                ConfigOverride.config(PREFIX, "alpaca.circuitBreaker.failureThreshold", "1000"),
                ConfigOverride.config(PREFIX, "alpaca.circuitBreaker.failureWindow", "1000"));
        // After Dropwizard has configured logging and before the account is read at start-up.
        app.addListener(new DropwizardTestSupport.ServiceListener<>() {
            @Override
            public void onRun(TradingConfiguration configuration, Environment environment,
                              DropwizardTestSupport<TradingConfiguration> rule) {
                gateLog = LogCapture.of(PaperAccountCheck.class);
            }
        });
        app.before();
        http = Http.localhost(app.getLocalPort());
        admin = Http.localhost(app.getAdminPort());
    }

    private void brokerReportsAccount(String number) {
        broker.stubFor(get(urlPathEqualTo(ACCOUNT))
                .willReturn(okJson("{\"account_number\":\"" + number + "\",\"status\":\"ACTIVE\"}")));
    }

    private Http.Answer submit() {
        return http.postRaw("/trading/orders", "{\"symbol\":\"AAPL\",\"qty\":\"2\",\"side\":\"buy\","
                + "\"type\":\"market\",\"time_in_force\":\"day\"}", "Content-Type", "application/json");
    }

    private String liveGate() {
        return http.get("/health").json().get("liveGate").asText();
    }

    private JsonNode alpacaCheck() {
        return admin.get("/healthcheck").json().get("alpaca");
    }

    private long gateErrors() {
        return gateLog.events().stream().filter(event -> event.getLevel() == Level.ERROR).count();
    }

    private int brokerOrders() {
        return broker.findAll(postRequestedFor(urlPathEqualTo(ORDERS))).size();
    }

    private static void assertLiveTradingDisabled(Http.Answer answer, String reason) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/live-trading-disabled");
        assertThat(answer.json().get("detail").asText()).contains(reason);
    }

    @Test
    void aPaperAccountLetsOrdersThrough() throws Exception {
        startBrokerOnOwnAddress();
        brokerReportsAccount("PA3ABCDEFG12");
        startGateway(BrokerKind.OTHER);

        Http.Answer answer = submit();

        assertThat(answer.status()).isEqualTo(201);
        assertThat(brokerOrders()).isEqualTo(1);
        JsonNode health = http.get("/health").json();
        assertThat(health.get("broker").asText()).isEqualTo(OWN_ADDRESS.orElseThrow().getHostAddress());
        assertThat(health.get("liveGate").asText()).isEqualTo("open (broker account is paper)");
        assertThat(alpacaCheck().get("healthy").asBoolean()).isTrue();
        assertThat(gateErrors()).isZero();
    }

    @Test
    void aLiveAccountRefusesEveryOrderWithOneErrorLine() throws Exception {
        startBrokerOnOwnAddress();
        brokerReportsAccount("123456789");
        startGateway(BrokerKind.OTHER);

        for (int i = 0; i < 3; i++) {
            assertLiveTradingDisabled(submit(), "the broker account is not a paper account");
        }

        assertThat(brokerOrders()).isZero();
        assertThat(gateErrors()).isEqualTo(1);
        assertThat(gateLog.allText()).contains("ERROR Orders are refused with 403 live-trading-disabled: the broker"
                + " account is not a paper account (its number does not begin with PA) (account 123456789)");
        assertThat(liveGate()).isEqualTo("closed: the broker account is not a paper account (its number does not"
                + " begin with PA)");
        JsonNode check = alpacaCheck();
        assertThat(check.get("healthy").asBoolean()).isFalse();
        assertThat(check.get("message").asText()).isEqualTo("Orders are refused (403 live-trading-disabled): the"
                + " broker account is not a paper account (its number does not begin with PA)");
    }

    @Test
    void anUnreadableAccountRefusesOrdersUntilItReadsAsPaper() throws Exception {
        startBrokerOnOwnAddress();
        broker.stubFor(get(urlPathEqualTo(ACCOUNT)).willReturn(serverError()));
        startGateway(BrokerKind.OTHER);

        for (int i = 0; i < 3; i++) {
            assertLiveTradingDisabled(submit(), "account not yet classified as paper");
        }
        assertThat(liveGate()).isEqualTo("closed: account not yet classified as paper (the broker account could"
                + " not be read)");
        JsonNode check = alpacaCheck();
        assertThat(check.get("healthy").asBoolean()).isFalse();
        assertThat(check.get("message").asText()).startsWith("Orders are refused (403 live-trading-disabled):"
                + " account not yet classified as paper");

        brokerReportsAccount("PA3ABCDEFG12");
        Http.Answer answer = submit();
        long since = System.nanoTime();
        // An order may ask the broker again once the retry interval has passed since the last read.
        while (answer.status() == 403 && System.nanoTime() - since < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(200);
            answer = submit();
        }

        assertThat(answer.status()).isEqualTo(201);
        assertThat(brokerOrders()).isEqualTo(1);
        assertThat(liveGate()).isEqualTo("open (broker account is paper)");
        assertThat(submit().status()).isEqualTo(201);
        assertThat(gateErrors()).as("one ERROR line however many orders were refused").isEqualTo(1);
    }

    @Test
    void aLoopbackBrokerIsTrustedWithoutAskingForTheAccount() throws Exception {
        startBroker("127.0.0.1");
        brokerReportsAccount("123456789");
        startGateway(BrokerKind.LOOPBACK);

        assertThat(submit().status()).isEqualTo(201);
        assertThat(liveGate()).isEqualTo("open (loopback host)");
        assertThat(gateErrors()).isZero();
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(LiveGateIT::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address)
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                            && !address.isAnyLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
