package com.bensbot.trading.livedata;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.http.ProblemLog;
import com.bensbot.trading.support.BrokerStubs;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.JerseyMarkedApp;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fail-fast path of {@code GET /live/bars/{symbol}} and {@code GET /live/clock} ({@link OpenBreakerFilter})
 * over real HTTP, the broker played by WireMock: while the data (bars) or trading (clock) breaker is open, a request
 * that would pass the route's parameter checks is refused before Jersey with the {@code circuit-open} problem that
 * Jersey would give (same status, problem fields and header names, {@code Retry-After} close to the open duration,
 * one WARN line with the error ID, counted under the route in {@code /metrics}) and without reaching the broker;
 * every request Jersey would answer differently (invalid parameters, queries that need decoding or name a parameter
 * twice, other methods, unusual Accept or a Content-Type) still reaches Jersey; the breaker of the other API does
 * not matter; client authentication and the rate limiter still run first; and with the breaker closed or reset,
 * requests go through to the broker again.
 *
 * <p>The breakers open after {@value #FAILURE_THRESHOLD} broker 500s (no retries) and stay open for an hour, so a
 * test never sees one half-open; {@link #setUp} closes them again. {@link #APP} trusts 127.0.0.1 as a proxy and
 * every request names a client of its own in {@code X-Forwarded-For} (unless a test names one), so the data limit of
 * {@value #DATA_LIMIT} only bites where a test means it to. {@link #KEYED} needs client API keys.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenBreakerFilterIT {
    private static final int DATA_LIMIT = 3;
    private static final int FAILURE_THRESHOLD = 2;
    private static final long OPEN_SECONDS = 3600;
    /** How far below the open duration a Retry-After may be: the time since the breaker opened, far less than this. */
    private static final long RETRY_AFTER_SLACK = 300;
    private static final String BOT_KEY = "bot-key-0123456789abcdef0123456789abcdef";
    private static final String BARS_ROUTE = "GET /live/bars/{symbol}";
    private static final String CLOCK_ROUTE = "GET /live/clock";
    private static final String BROKER_BARS = "/v2/stocks/AAPL/bars";
    private static final String BROKER_CLOCK = "/v2/clock";
    private static final String XFF = "X-Forwarded-For";
    private static final String ORIGIN = "https://desk.example.com";
    private static final String JERSEY_ACCEPT = "application/json;q=1";
    private static final String ONE_BAR = "{\"bars\":[{\"t\":\"2024-01-02T15:00:00Z\",\"o\":185.1,\"h\":185.9,"
            + "\"l\":184.8,\"c\":185.5,\"v\":1200,\"n\":31,\"vw\":185.4}],\"symbol\":\"AAPL\",\"next_page_token\":null}";

    /** Set by Jersey on every answer it gives; an answer of the filter lacks it. */
    private static final String BY_JERSEY = JerseyMarkedApp.MARKER;

    /** A client address per request: each gets a rate-limit bucket of its own. */
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = app("open-breaker",
            "rateLimit.groups.data.limit", String.valueOf(DATA_LIMIT),
            "rateLimit.trustedProxies", "127.0.0.1/32",
            "cors.allowedOrigins", ORIGIN);
    private static final DropwizardAppExtension<TradingConfiguration> KEYED = app("open-breaker-keyed",
            "clients.apiKeys", "bot:" + BOT_KEY);

    /** {@link JerseyMarkedApp} against {@link #BROKER}, with breakers that open quickly and stay open. */
    private static DropwizardAppExtension<TradingConfiguration> app(String name, String... keysAndValues) {
        List<String> all = new ArrayList<>(List.of(
                "alpaca.retry.maxRetries", "0",
                "alpaca.circuitBreaker.failureThreshold", String.valueOf(FAILURE_THRESHOLD),
                "alpaca.circuitBreaker.failureWindow", String.valueOf(FAILURE_THRESHOLD),
                "alpaca.circuitBreaker.openDuration", OPEN_SECONDS + "s"));
        all.addAll(List.of(keysAndValues));
        return JerseyMarkedApp.against(BROKER, name, all.toArray(String[]::new));
    }

    private Http http;
    private Http keyed;

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @BeforeEach
    void setUp() {
        BROKER.resetAll();
        http = Http.localhost(APP.getLocalPort());
        keyed = Http.localhost(KEYED.getLocalPort());
        for (Http app : List.of(http, keyed)) {
            Http.Answer reset = app.post("/live/reset-circuit-breaker", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.json().get("circuitBreakers").get("data").asText()).isEqualTo("CLOSED");
            assertThat(reset.json().get("circuitBreakers").get("trading").asText()).isEqualTo("CLOSED");
        }
    }

    // ---- helpers ----

    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /** A GET from a client of its own. */
    private Http.Answer ask(String path, String... headers) {
        return askAs(newClient(), path, headers);
    }

    private Http.Answer askAs(String client, String path, String... headers) {
        return http.get(path, with(headers, XFF, client));
    }

    /** Both breakers' states; the admin credential passes client authentication where it is on. */
    private static JsonNode breakers(Http app) {
        return app.get("/live/health", "X-Admin-Token", TestApps.ADMIN_TOKEN).json().get("circuitBreakers");
    }

    /** Broker 500s on AAPL's bars until the data breaker opens; the trading breaker stays closed. */
    private void openDataBreaker() {
        BROKER.stubFor(get(urlPathEqualTo(BROKER_BARS)).willReturn(serverError()));
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            assertThat(ask("/live/bars/AAPL").status()).isEqualTo(502);
        }
        assertThat(breakers(http).get("data").asText()).isEqualTo("OPEN");
        assertThat(breakers(http).get("trading").asText()).isEqualTo("CLOSED");
    }

    /** Broker 500s on the clock until the trading breaker opens; the data breaker stays closed. */
    private void openTradingBreaker() {
        BROKER.stubFor(get(urlPathEqualTo(BROKER_CLOCK)).willReturn(serverError()));
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            assertThat(ask("/live/clock").status()).isEqualTo(502);
        }
        assertThat(breakers(http).get("trading").asText()).isEqualTo("OPEN");
        assertThat(breakers(http).get("data").asText()).isEqualTo("CLOSED");
    }

    private static void stubHealthyBars() {
        BROKER.stubFor(get(urlPathEqualTo(BROKER_BARS)).willReturn(okJson(ONE_BAR)));
    }

    private static int brokerDataCalls() {
        return BROKER.findAll(getRequestedFor(urlPathMatching("/v2/stocks/.*"))).size();
    }

    private static int brokerClockCalls() {
        return BROKER.findAll(getRequestedFor(urlPathEqualTo(BROKER_CLOCK))).size();
    }

    /** The circuit-open problem of {@code api}'s breaker, whoever answered it. */
    private static void assertCircuitOpen(Http.Answer answer, String api) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/circuit-open");
        assertThat(problem.get("title").asText()).isEqualTo("Circuit breaker open");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).isEqualTo("The circuit breaker for the " + api + " API is open");
        assertThat(problem.get("errorId").asText()).matches("err-[0-9a-f]{12}");
        assertThat(answer.header("X-Request-ID")).isNotBlank();
        assertThat(problem.get("requestId").asText()).isEqualTo(answer.header("X-Request-ID"));
        assertThat(Long.parseLong(answer.header("Retry-After")))
                .isBetween(OPEN_SECONDS - RETRY_AFTER_SLACK, OPEN_SECONDS);
        assertThat(answer.header("Server-Timing")).matches("app;dur=\\d+\\.\\d");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Cache")).isNull();
    }

    private static void assertFastPath(Http.Answer answer) {
        assertThat(answer.header(BY_JERSEY)).as("answered by Jersey").isNull();
    }

    private static void assertJersey(Http.Answer answer) {
        assertThat(answer.header(BY_JERSEY)).as("answered by Jersey").isEqualTo("yes");
    }

    private static void assertFastRefusal(Http.Answer answer, String api) {
        assertCircuitOpen(answer, api);
        assertFastPath(answer);
    }

    private static void assertJerseyRefusal(Http.Answer answer, String api) {
        assertCircuitOpen(answer, api);
        assertJersey(answer);
    }

    private static void assertProblem(Http.Answer answer, int status, String name) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/" + name);
        assertThat(answer.json().get("requestId").asText()).isEqualTo(answer.header("X-Request-ID"));
    }

    /** The fields of a problem that do not change from one answer to the next. */
    private static List<String> stableFields(Http.Answer answer) {
        JsonNode problem = answer.json();
        return List.of(problem.get("type").asText(), problem.get("title").asText(), problem.get("status").asText(),
                problem.get("detail").asText());
    }

    private static Set<String> fieldNames(Http.Answer answer) {
        Set<String> names = new TreeSet<>();
        answer.json().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Header names, lower case, without the Jersey marker. */
    private static Set<String> headerNames(Http.Answer answer) {
        return answer.headers().map().keySet().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !name.equalsIgnoreCase(BY_JERSEY))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long count(JsonNode metrics, String route, String field) {
        JsonNode endpoint = metrics.get("endpoints").get(route);
        return endpoint == null ? 0 : endpoint.get(field).asLong();
    }

    // ---- tests ----

    @Test
    void theFilterIsTheLastOfTheMainPortAndMappedToBarsAndClock() {
        for (DropwizardAppExtension<TradingConfiguration> app : List.of(APP, KEYED)) {
            // Without the filters Dropwizard adds itself (thread names, allowed methods).
            List<FilterMapping> mappings = Arrays.stream(
                            app.getEnvironment().getApplicationContext().getServletHandler().getFilterMappings())
                    .filter(mapping -> !mapping.getFilterName().startsWith("io.dropwizard."))
                    .toList();
            FilterMapping last = mappings.get(mappings.size() - 1);
            assertThat(last.getFilterName()).isEqualTo("open-breaker");
            assertThat(last.getPathSpecs()).containsExactlyInAnyOrder("/live/bars/*", "/live/clock");
            assertThat(mappings.stream().map(FilterMapping::getFilterName).toList())
                    .containsSubsequence("request-id", "timing", "security-headers", "rate-limit", "open-breaker");
        }
    }

    @Test
    void openDataBreakerIsAnsweredBeforeJerseyAsJerseyWouldAnswerIt() {
        openDataBreaker();
        int brokerCalls = brokerDataCalls();
        assertThat(brokerCalls).isEqualTo(FAILURE_THRESHOLD);

        Http.Answer fast = ask("/live/bars/AAPL", "X-Request-ID", "obf-fast.1", "Origin", ORIGIN);
        // A parameter in Accept, or a value that needs decoding, keeps the filter out: Jersey refuses the same way.
        Http.Answer byAccept = ask("/live/bars/AAPL", "Accept", JERSEY_ACCEPT, "Origin", ORIGIN);
        Http.Answer byEncoding = ask("/live/bars/AAPL?limit=%35", "Origin", ORIGIN);

        assertFastRefusal(fast, "data");
        assertThat(fast.header("X-Request-ID")).isEqualTo("obf-fast.1");
        assertThat(fast.json().get("requestId").asText()).isEqualTo("obf-fast.1");
        for (Http.Answer jersey : List.of(byAccept, byEncoding)) {
            assertJerseyRefusal(jersey, "data");
            assertThat(stableFields(fast)).isEqualTo(stableFields(jersey));
            assertThat(fieldNames(fast)).isEqualTo(fieldNames(jersey))
                    .containsExactlyInAnyOrder("type", "title", "status", "detail", "errorId", "requestId");
            assertThat(headerNames(fast)).isEqualTo(headerNames(jersey));
            assertThat(jersey.json().get("errorId").asText()).isNotEqualTo(fast.json().get("errorId").asText());
        }
        assertThat(headerNames(fast)).contains("retry-after", "server-timing", "x-content-type-options",
                "x-request-id", "ratelimit-policy", "access-control-allow-origin", "access-control-expose-headers");
        assertThat(fast.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(brokerDataCalls()).isEqualTo(brokerCalls);
    }

    /** The header values the filter and Jersey give a refusal agree, Content-Type aside (next test). */
    @Test
    void headerValuesAreJerseys() {
        openDataBreaker();
        String client = newClient();
        Http.Answer fast = askAs(client, "/live/bars/AAPL");
        Http.Answer jersey = askAs(client, "/live/bars/AAPL", "Accept", JERSEY_ACCEPT);
        assertFastRefusal(fast, "data");
        assertJerseyRefusal(jersey, "data");

        for (String name : List.of("X-Content-Type-Options", "RateLimit-Policy", "RateLimit-Limit")) {
            assertThat(fast.header(name)).as(name).isNotNull().isEqualTo(jersey.header(name));
        }
        assertThat(Long.parseLong(fast.header("RateLimit-Remaining")))
                .isEqualTo(Long.parseLong(jersey.header("RateLimit-Remaining")) + 1);
    }

    /** Byte for byte the same media type as Jersey's answer: no charset parameter on either path. */
    @Test
    void contentTypeIsJerseys() {
        openDataBreaker();
        Http.Answer fast = ask("/live/bars/AAPL");
        Http.Answer jersey = ask("/live/bars/AAPL", "Accept", JERSEY_ACCEPT);
        assertFastRefusal(fast, "data");
        assertJerseyRefusal(jersey, "data");

        assertThat(fast.header("Content-Type")).isEqualTo(jersey.header("Content-Type"));
    }

    @Test
    void validParameterCombinationsTakeTheFastPath() {
        openDataBreaker();
        int brokerCalls = brokerDataCalls();

        List<String> paths = List.of(
                "/live/bars/AAPL",
                "/live/bars/AAPL?timeframe=1Hour&limit=5",
                "/live/bars/AAPL?start=2024-01-02&end=2024-01-02",
                "/live/bars/AAPL?start=2024-01-02&end=2024-01-03",
                "/live/bars/AAPL?start=2024-01-02T10:00:00Z&end=2024-01-02T11:00:00Z",
                "/live/bars/AAPL?start=2024-01-02T10:00:00-05:00",
                "/live/bars/aapl",
                "/live/bars/AaPl?timeframe=1Day",
                "/live/bars/BRK.B?limit=1000",
                "/live/bars/BF-B?limit=1&timeframe=12Month",
                "/live/bars/" + "A".repeat(16),
                "/live/bars/AAPL?limit=&start=",
                "/live/bars/AAPL?feed=iex");
        for (String path : paths) {
            Http.Answer answer = ask(path);
            assertThat(answer.header(BY_JERSEY)).as(path).isNull();
            assertThat(answer.status()).as(path).isEqualTo(503);
            assertFastRefusal(answer, "data");
        }
        for (String accept : List.of("application/json", "*/*", "application/*", "text/html, application/json")) {
            Http.Answer answer = ask("/live/bars/AAPL?timeframe=1Hour&limit=5", "Accept", accept);
            assertThat(answer.header(BY_JERSEY)).as(accept).isNull();
            assertFastRefusal(answer, "data");
        }
        assertThat(brokerDataCalls()).isEqualTo(brokerCalls);
    }

    @Test
    void invalidParametersGetJerseys400NotCircuitOpen() {
        openDataBreaker();
        int brokerCalls = brokerDataCalls();

        List<String> paths = List.of(
                "/live/bars/AAPL?limit=0",
                "/live/bars/AAPL?limit=1001",
                "/live/bars/AAPL?limit=abc",
                "/live/bars/AAPL?timeframe=2Day",
                "/live/bars/AAPL?start=yesterday",
                "/live/bars/AAPL?start=2024-01-03&end=2024-01-02",
                "/live/bars/AAPL?start=2024-01-02T10:00:01Z&end=2024-01-02T10:00:00Z",
                "/live/bars/" + "A".repeat(17),
                "/live/bars/AA$L",
                "/live/bars/aapl?timeframe=1Hour&limit=1001");
        for (String path : paths) {
            Http.Answer answer = ask(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertProblem(answer, 400, "invalid-parameter");
            assertJersey(answer);
            assertThat(answer.header("Retry-After")).as(path).isNull();
        }
        assertThat(brokerDataCalls()).isEqualTo(brokerCalls);
    }

    @Test
    void oddButValidQueriesAndRequestsReachJerseyAndGetItsOwnAnswer() {
        openDataBreaker();
        int brokerCalls = brokerDataCalls();

        // Jersey reads these as valid parameters: its own circuit-open.
        List<String> valid = List.of(
                "/live/bars/AAPL?limit=%35",
                "/live/bars/AAPL?limit=5&limit=6",
                "/live/bars/AAPL?limit",
                "/live/bars/AAPL?timeframe=1Hour&&limit=5",
                "/live/bars/AAPL?start=2024-01-02T10:00:00%2B00:00",
                "/live/bars/AA%50L",
                "/live/bars/AAPL;v=1");
        for (String path : valid) {
            Http.Answer answer = ask(path);
            assertThat(answer.header(BY_JERSEY)).as(path).isEqualTo("yes");
            assertThat(answer.status()).as(path).isEqualTo(503);
            assertJerseyRefusal(answer, "data");
        }
        // Jersey reads the first of repeated names, and '+' as a space: its own 400.
        for (String path : List.of("/live/bars/AAPL?limit=abc&limit=5",
                "/live/bars/AAPL?start=2024-01-02T10:00:00+00:00")) {
            Http.Answer answer = ask(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertProblem(answer, 400, "invalid-parameter");
            assertJersey(answer);
        }
        // Request shapes the filter leaves to Jersey's negotiation and parsing.
        Http.Answer weighted = ask("/live/bars/AAPL", "Accept", JERSEY_ACCEPT);
        Http.Answer withCharset = ask("/live/bars/AAPL", "Accept", "application/json;charset=utf-8");
        Http.Answer twoAccepts = ask("/live/bars/AAPL", "Accept", "application/json", "Accept", "application/json");
        Http.Answer contentType = ask("/live/bars/AAPL", "Content-Type", "application/json");
        for (Http.Answer answer : List.of(weighted, withCharset, twoAccepts, contentType)) {
            assertJerseyRefusal(answer, "data");
        }
        Http.Answer html = ask("/live/bars/AAPL", "Accept", "text/html");
        assertProblem(html, 406, "not-acceptable");
        assertJersey(html);
        assertThat(brokerDataCalls()).isEqualTo(brokerCalls);
    }

    @Test
    void eachFastRefusalLogsOneWarnLineWithItsErrorIdAndNoStackTrace() {
        openDataBreaker();
        int refusals = 3;

        List<Http.Answer> answers = new ArrayList<>();
        List<ILoggingEvent> events;
        Http.Answer jersey;
        List<ILoggingEvent> jerseyEvents;
        try (LogCapture log = LogCapture.of(ProblemLog.class)) {
            for (int i = 0; i < refusals; i++) {
                answers.add(ask("/live/bars/AAPL", "X-Request-ID", "obf-log." + i));
            }
            events = log.events();
            jersey = ask("/live/bars/AAPL", "Accept", JERSEY_ACCEPT, "X-Request-ID", "obf-log.jersey");
            jerseyEvents = log.events().subList(events.size(), log.events().size());
        }

        assertThat(events).hasSize(refusals);
        for (int i = 0; i < refusals; i++) {
            Http.Answer answer = answers.get(i);
            ILoggingEvent event = events.get(i);
            assertFastRefusal(answer, "data");
            assertWarnLine(event, answer, "obf-log." + i);
        }
        // Jersey's refusal logs the same line.
        assertJerseyRefusal(jersey, "data");
        assertThat(jerseyEvents).hasSize(1);
        assertWarnLine(jerseyEvents.get(0), jersey, "obf-log.jersey");
        assertThat(jerseyEvents.get(0).getFormattedMessage()
                .replace(jersey.json().get("errorId").asText(), "ID"))
                .isEqualTo(events.get(0).getFormattedMessage().replace(answers.get(0).json().get("errorId").asText(),
                        "ID"));
    }

    private static void assertWarnLine(ILoggingEvent event, Http.Answer answer, String requestId) {
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getLoggerName()).isEqualTo("com.bensbot.trading.http.ProblemLog");
        assertThat(event.getThrowableProxy()).isNull();
        assertThat(event.getFormattedMessage()).contains(answer.json().get("errorId").asText())
                .contains("503").contains("/problems/circuit-open");
        assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestId);
    }

    @Test
    void fastRefusalsCountUnderTheBarsRouteInMetrics() {
        openDataBreaker();
        int refusals = 4;
        JsonNode before = http.get("/metrics").json();

        for (int i = 0; i < refusals; i++) {
            assertFastRefusal(ask("/live/bars/AAPL?timeframe=1Hour&limit=5"), "data");
        }

        JsonNode after = http.get("/metrics").json();
        assertThat(count(after, BARS_ROUTE, "count") - count(before, BARS_ROUTE, "count")).isEqualTo(refusals);
        assertThat(count(after, BARS_ROUTE, "errors") - count(before, BARS_ROUTE, "errors")).isEqualTo(refusals);
        assertThat(count(after, CLOCK_ROUTE, "count")).isEqualTo(count(before, CLOCK_ROUTE, "count"));
        assertThat(count(after, "GET <unmatched>", "count")).isEqualTo(count(before, "GET <unmatched>", "count"));
        assertThat(after.get("endpoints").get(BARS_ROUTE).has("p99Ms")).isTrue();

        // Jersey's refusal counts under the same key: one route, whoever answers.
        assertJerseyRefusal(ask("/live/bars/AAPL", "Accept", JERSEY_ACCEPT), "data");
        JsonNode afterJersey = http.get("/metrics").json();
        assertThat(count(afterJersey, BARS_ROUTE, "count") - count(before, BARS_ROUTE, "count"))
                .isEqualTo(refusals + 1);
        assertThat(count(afterJersey, BARS_ROUTE, "errors") - count(before, BARS_ROUTE, "errors"))
                .isEqualTo(refusals + 1);
        List<String> barsKeys = new ArrayList<>();
        afterJersey.get("endpoints").fieldNames().forEachRemaining(key -> {
            if (key.contains("bars")) {
                barsKeys.add(key);
            }
        });
        assertThat(barsKeys).containsExactly(BARS_ROUTE);
        assertThat(http.get("/metrics/live-data").json().get("endpoints").get(BARS_ROUTE).get("count").asLong())
                .isEqualTo(count(afterJersey, BARS_ROUTE, "count"));
    }

    @Test
    void clockFailsFastWhileTheTradingBreakerIsOpenButBarsStillReachTheBroker() {
        stubHealthyBars();
        openTradingBreaker();
        int clockCalls = brokerClockCalls();
        JsonNode before = http.get("/metrics").json();

        Http.Answer fast = ask("/live/clock", "X-Request-ID", "obf-clock.1");
        Http.Answer jersey = ask("/live/clock", "Accept", JERSEY_ACCEPT);

        assertFastRefusal(fast, "trading");
        assertThat(fast.json().get("requestId").asText()).isEqualTo("obf-clock.1");
        assertJerseyRefusal(jersey, "trading");
        assertThat(stableFields(fast)).isEqualTo(stableFields(jersey));
        assertThat(headerNames(fast)).isEqualTo(headerNames(jersey));
        assertThat(brokerClockCalls()).isEqualTo(clockCalls);
        JsonNode after = http.get("/metrics").json();
        assertThat(count(after, CLOCK_ROUTE, "count") - count(before, CLOCK_ROUTE, "count")).isEqualTo(2);
        assertThat(count(after, CLOCK_ROUTE, "errors") - count(before, CLOCK_ROUTE, "errors")).isEqualTo(2);

        Http.Answer bars = ask("/live/bars/AAPL?timeframe=1Hour&limit=5");
        assertThat(bars.status()).isEqualTo(200);
        assertJersey(bars);
        assertThat(bars.json().get("bars")).hasSize(1);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(BROKER_BARS)));
    }

    @Test
    void clockReachesTheBrokerWhileOnlyTheDataBreakerIsOpen() {
        openDataBreaker();
        BROKER.stubFor(get(urlPathEqualTo(BROKER_CLOCK)).willReturn(okJson(BrokerStubs.clock())));
        int clockCalls = brokerClockCalls();

        Http.Answer clock = ask("/live/clock");
        Http.Answer bars = ask("/live/bars/AAPL");

        assertThat(clock.status()).isEqualTo(200);
        assertJersey(clock);
        assertThat(clock.json().get("is_open").asBoolean()).isTrue();
        assertThat(clock.json().get("next_open").asText()).isEqualTo("2026-11-27T09:30:00-05:00");
        assertThat(brokerClockCalls()).isEqualTo(clockCalls + 1);
        assertFastRefusal(bars, "data");
    }

    @Test
    void closedBreakersLetRequestsThroughToJerseyAndTheBroker() {
        stubHealthyBars();
        BROKER.stubFor(get(urlPathEqualTo(BROKER_CLOCK)).willReturn(okJson(BrokerStubs.clock())));
        int clockCalls = brokerClockCalls();

        Http.Answer bars = ask("/live/bars/AAPL?timeframe=1Hour&limit=5");
        Http.Answer clock = ask("/live/clock");

        assertThat(bars.status()).isEqualTo(200);
        assertJersey(bars);
        assertThat(bars.header("Content-Type")).startsWith("application/json");
        assertThat(bars.json().get("symbol").asText()).isEqualTo("AAPL");
        assertThat(bars.json().get("timeframe").asText()).isEqualTo("1Hour");
        assertThat(bars.json().get("bars").get(0).get("c").decimalValue()).isEqualByComparingTo("185.5");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(BROKER_BARS)));
        assertThat(clock.status()).isEqualTo(200);
        assertJersey(clock);
        assertThat(brokerClockCalls()).isEqualTo(clockCalls + 1);
    }

    @Test
    void afterTheOperatorResetTheNextBarsRequestReachesTheBroker() {
        openDataBreaker();
        assertFastRefusal(ask("/live/bars/AAPL"), "data");
        int brokerCalls = brokerDataCalls();

        Http.Answer reset = http.post("/live/reset-circuit-breaker", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("previousState").asText()).isEqualTo("OPEN");
        stubHealthyBars();
        Http.Answer next = ask("/live/bars/AAPL");

        assertThat(next.status()).isEqualTo(200);
        assertJersey(next);
        assertThat(next.json().get("bars")).hasSize(1);
        assertThat(brokerDataCalls()).isEqualTo(brokerCalls + 1);
    }

    @Test
    void headAndPostReachJerseyWhileTheBreakerIsOpen() {
        openDataBreaker();
        int brokerCalls = brokerDataCalls();

        Http.Answer head = http.send("HEAD", "/live/bars/AAPL", XFF, newClient());
        Http.Answer post = http.post("/live/bars/AAPL", null, XFF, newClient());
        Http.Answer postJson = http.post("/live/bars/AAPL", "{}", XFF, newClient());
        Http.Answer headClock = http.send("HEAD", "/live/clock", XFF, newClient());

        assertThat(head.status()).isEqualTo(503);
        assertJersey(head);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(head.header("Retry-After")))
                .isBetween(OPEN_SECONDS - RETRY_AFTER_SLACK, OPEN_SECONDS);
        for (Http.Answer answer : List.of(post, postJson)) {
            assertProblem(answer, 405, "method-not-allowed");
            assertJersey(answer);
        }
        assertJersey(headClock);
        assertThat(brokerDataCalls()).isEqualTo(brokerCalls);
    }

    @Test
    void theRateLimiterRunsBeforeTheFilter() {
        openDataBreaker();
        String client = newClient();
        long refusalsBefore = http.get("/metrics").json().get("rateLimit").get("refusals").get("data").asLong();

        for (int remaining = DATA_LIMIT - 1; remaining >= 0; remaining--) {
            Http.Answer answer = askAs(client, "/live/bars/AAPL");
            assertFastRefusal(answer, "data");
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
        }
        Http.Answer limited = askAs(client, "/live/bars/AAPL");
        Http.Answer limitedClock = askAs(client, "/live/clock");

        for (Http.Answer answer : List.of(limited, limitedClock)) {
            assertProblem(answer, 429, "rate-limited");
            assertFastPath(answer);
            assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo("0");
        }
        assertFastRefusal(ask("/live/bars/AAPL"), "data");
        long refusalsAfter = http.get("/metrics").json().get("rateLimit").get("refusals").get("data").asLong();
        assertThat(refusalsAfter - refusalsBefore).isEqualTo(2);
        assertThat(brokerDataCalls()).isEqualTo(FAILURE_THRESHOLD);
    }

    @Test
    void clientAuthenticationRunsBeforeTheFilter() {
        BROKER.stubFor(get(urlPathEqualTo(BROKER_BARS)).willReturn(serverError()));
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            assertThat(keyed.get("/live/bars/AAPL", "X-API-Key", BOT_KEY).status()).isEqualTo(502);
        }
        assertThat(breakers(keyed).get("data").asText()).isEqualTo("OPEN");

        Http.Answer noKey = keyed.get("/live/bars/AAPL");
        Http.Answer wrongKey = keyed.get("/live/bars/AAPL", "X-API-Key", "guessed-key-guessed-key-guessed-key");
        Http.Answer withKey = keyed.get("/live/bars/AAPL", "X-API-Key", BOT_KEY);

        assertProblem(noKey, 401, "unauthorized");
        assertThat(noKey.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertFastPath(noKey);
        assertProblem(wrongKey, 403, "forbidden");
        assertFastPath(wrongKey);
        assertFastRefusal(withKey, "data");
        assertThat(brokerDataCalls()).isEqualTo(FAILURE_THRESHOLD);
    }
}
