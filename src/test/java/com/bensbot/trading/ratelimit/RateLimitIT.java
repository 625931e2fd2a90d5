package com.bensbot.trading.ratelimit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.BrokerStubs;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over real HTTP (CONTRACT §8). 127.0.0.1 is a trusted proxy here, so every test names its own
 * client in {@code X-Forwarded-For} and gets fresh buckets; the untrusted peer is 127.0.0.2.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitIT {
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("rateLimit.groups.trading.limit", "3"),
            ConfigOverride.config("rateLimit.groups.data.limit", "5"),
            ConfigOverride.config("rateLimit.groups.admin.limit", "2"),
            ConfigOverride.config("rateLimit.groups.default.limit", "3"),
            ConfigOverride.config("rateLimit.groups.default.window", "3s"),
            ConfigOverride.config("rateLimit.alertThreshold", "2"),
            ConfigOverride.config("rateLimit.trustedProxies", "127.0.0.1/32"));
    private static final String XFF = "X-Forwarded-For";

    private Http http;
    private Http admin;

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @BeforeEach
    void setUp() {
        BROKER.resetAll();
        BROKER.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson(BrokerStubs.clock())));
        http = Http.localhost(APP.getLocalPort());
        admin = Http.localhost(APP.getAdminPort());
    }

    private static long number(Http.Answer answer, String header) {
        return Long.parseLong(answer.header(header));
    }

    @Test
    void limitReachedAnswers429WithEveryHeaderAndAProblem() {
        for (int i = 4; i >= 0; i--) {
            Http.Answer allowed = http.get("/live/clock", XFF, "198.51.100.1");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(number(allowed, "RateLimit-Remaining")).as("remaining counts down").isEqualTo(i);
            assertThat(number(allowed, "RateLimit-Reset")).isBetween(1L, 60L);
            assertThat(allowed.header("RateLimit-Policy")).isEqualTo("\"data\";q=5;w=60");
            assertThat(allowed.header("RateLimit"))
                    .isEqualTo("\"data\";r=" + i + ";t=" + allowed.header("RateLimit-Reset"));
            assertThat(allowed.header("Retry-After")).isNull();
        }

        Http.Answer refused = http.get("/live/clock", XFF, "198.51.100.1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(number(refused, "Retry-After")).isBetween(1L, 12L);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(number(refused, "RateLimit-Reset")).isBetween(48L, 60L);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"data\";q=5;w=60");
        assertThat(refused.header("RateLimit")).isEqualTo("\"data\";r=0;t=" + refused.header("RateLimit-Reset"));
        assertThat(refused.header("X-Request-ID")).isNotBlank();
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains("data");
        assertThat(problem.get("errorId").asText()).isNotBlank();
        assertThat(problem.get("requestId").asText()).isEqualTo(refused.header("X-Request-ID"));
        BROKER.verify(5, getRequestedFor(urlPathEqualTo("/v2/clock")));
    }

    @Test
    void groupsAreIndependent() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/trading/orders", null, XFF, "198.51.100.2").status()).isNotEqualTo(429);
        }
        assertThat(http.post("/trading/orders", null, XFF, "198.51.100.2").status()).isEqualTo(429);
        assertThat(http.delete("/trading/orders/abc", XFF, "198.51.100.2").status()).isEqualTo(429);

        Http.Answer data = http.get("/trading/account", XFF, "198.51.100.2");
        assertThat(data.status()).isNotEqualTo(429);
        assertThat(data.header("RateLimit-Policy")).isEqualTo("\"data\";q=5;w=60");
        Http.Answer other = http.get("/nowhere", XFF, "198.51.100.2");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.header("RateLimit-Policy")).isEqualTo("\"default\";q=3;w=3");
        Http.Answer preflight = http.send("OPTIONS", "/trading/orders", XFF, "198.51.100.2");
        assertThat(preflight.header("RateLimit-Policy")).isEqualTo("\"default\";q=3;w=3");
    }

    @Test
    void shortWindowRefills() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/nowhere", XFF, "198.51.100.3").status()).isEqualTo(404);
        }
        Http.Answer refused = http.get("/nowhere", XFF, "198.51.100.3");
        assertThat(refused.status()).isEqualTo(429);
        // One token per window / limit = 1 s.
        assertThat(refused.header("Retry-After")).isEqualTo("1");

        Thread.sleep(1100);

        Http.Answer again = http.get("/nowhere", XFF, "198.51.100.3");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void spoofedForwardedForFromAnUntrustedPeerChangesNothing() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(rawFrom("127.0.0.2", "POST /trading/orders HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113."
                    + i + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        }

        assertThat(statuses.subList(0, 3)).doesNotContain(429);
        assertThat(statuses.subList(3, 6)).containsOnly(429);

        // A refused request's body stays unread, so the connection is not kept.
        String head = rawHeadFrom("127.0.0.2", "POST /trading/orders HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(head).startsWith("HTTP/1.1 429").containsIgnoringCase("connection: close");
    }

    @Test
    void trustedProxyGivesEachForwardedClientItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/trading/orders", null, XFF, "198.51.100.5").status()).isNotEqualTo(429);
        }
        assertThat(http.post("/trading/orders", null, XFF, "198.51.100.5").status()).isEqualTo(429);
        // The same client through a second trusted hop is still the same client.
        assertThat(http.post("/trading/orders", null, XFF, "198.51.100.5, 127.0.0.1").status()).isEqualTo(429);
        // A claim left of the real client is not believed.
        assertThat(http.post("/trading/orders", null, XFF, "198.51.100.99, 198.51.100.5").status()).isEqualTo(429);

        Http.Answer other = http.post("/trading/orders", null, XFF, "198.51.100.6");
        assertThat(other.status()).isNotEqualTo(429);
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void ipv6ClientsShareTheirSlash64() {
        for (int i = 1; i <= 3; i++) {
            assertThat(http.post("/trading/orders", null, XFF, "2001:db8:5:6::" + i).status()).isNotEqualTo(429);
        }
        assertThat(http.post("/trading/orders", null, XFF, "[2001:db8:5:6:ffff::1]").status()).isEqualTo(429);
        assertThat(http.post("/trading/orders", null, XFF, "2001:db8:5:7::1").status()).isNotEqualTo(429);
    }

    @Test
    void malformedForwardedForNeverBreaksTheRequestNorEvadesTheLimit() throws IOException {
        List<String> junk = List.of("garbage", String.join(",", Collections.nCopies(1000, "x.y")),
                "[2001:db8::1", "1.2.3.4:80", "\"203.0.113.1\"");
        List<Integer> statuses = new ArrayList<>();
        for (String value : junk) {
            statuses.add(http.post("/trading/orders", null, XFF, value).status());
        }
        // A header the JDK client will not send: raw bytes with a bare CR inside the value.
        statuses.add(rawFrom("127.0.0.1", "POST /trading/orders HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.2.3.4\r, 5.6.7.8"
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));

        assertThat(statuses).allMatch(status -> status < 500);
        // Every malformed header counted against the trusted peer itself: three allowed, the rest refused.
        assertThat(statuses.subList(0, 3)).doesNotContain(429);
        assertThat(statuses.subList(3, 5)).containsOnly(429);
    }

    @Test
    void aPersistentlyRefusedClientRaisesOneAlert() {
        Logger logger = (Logger) LoggerFactory.getLogger(RateLimitMonitor.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            for (int i = 0; i < 10; i++) {
                http.delete("/trading/orders/x", XFF, "198.51.100.7");
            }
        } finally {
            logger.detachAppender(logs);
        }

        List<String> alerts = logs.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("client=198.51.100.7 "))
                .toList();
        assertThat(alerts).containsExactly(
                "rate limit alert: client=198.51.100.7 group=trading refusals=3 window=60s");
        assertThat(APP.getEnvironment().metrics().counter("bensbot.ratelimit.alerts").getCount()).isPositive();
        assertThat(APP.getEnvironment().metrics().counter("bensbot.ratelimit.refusals.trading").getCount())
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void healthAndScrapeRoutesAreNeverLimited() {
        for (int i = 0; i < 10; i++) {
            for (String path : List.of("/health", "/live/health")) {
                Http.Answer answer = http.get(path, XFF, "198.51.100.8");
                assertThat(answer.status()).as(path).isIn(200, 503);
                assertThat(answer.header("RateLimit-Limit")).as(path).isNull();
            }
            for (String path : List.of("/healthcheck", "/ping", "/metrics", "/prometheus")) {
                Http.Answer answer = admin.get(path, XFF, "198.51.100.8");
                assertThat(answer.status()).as(path).isNotEqualTo(429);
                assertThat(answer.header("RateLimit-Limit")).as(path).isNull();
            }
        }
    }

    @Test
    void adminRoutesOfBothPortsShareTheAdminBucket() {
        Http.Answer first = http.post("/live/reset-circuit-breaker", null, XFF, "198.51.100.9",
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).isEqualTo("\"admin\";q=2;w=60");
        Http.Answer second = admin.post("/tasks/reset-circuit-breaker", null, XFF, "198.51.100.9",
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");

        Http.Answer task = admin.post("/tasks/reset-circuit-breaker", null, XFF, "198.51.100.9",
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(task.status()).isEqualTo(429);
        assertThat(task.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(task.header("Retry-After")).isNotNull();
        // Guessing the admin token is limited too.
        assertThat(admin.post("/tasks/reset-circuit-breaker", null, XFF, "198.51.100.9",
                "X-Admin-Token", "guess").status()).isEqualTo(429);
        assertThat(http.post("/live/reset-circuit-breaker", null, XFF, "198.51.100.9",
                "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).isEqualTo(429);
    }

    /** One request over a socket bound to {@code localAddress}; returns the status. */
    private static int rawFrom(String localAddress, String request) throws IOException {
        return Integer.parseInt(rawHeadFrom(localAddress, request).substring(9, 12));
    }

    /** One request over a socket bound to {@code localAddress}; returns the status line and headers. */
    private static String rawHeadFrom(String localAddress, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", APP.getLocalPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        }
    }
}
