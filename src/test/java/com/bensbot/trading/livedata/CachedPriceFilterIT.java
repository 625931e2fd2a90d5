package com.bensbot.trading.livedata;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.JerseyMarkedApp;
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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.latestTrade;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache-hit fast path of {@code /live/quote/{symbol}} and {@code /live/trade/{symbol}} ({@link CachedPriceFilter})
 * over real HTTP, the broker played by WireMock: a hit answers the bytes and headers Jersey would, still passes
 * client authentication and the rate limiter, still counts in the per-route metrics, and everything it does not
 * answer reaches Jersey unchanged.
 *
 * <p>{@link #APP} ({@link JerseyMarkedApp}) trusts 127.0.0.1 as a proxy, so each test names its own client in {@code X-Forwarded-For} and
 * gets its own data bucket of {@value #DATA_LIMIT}. {@link #KEYED} needs client API keys. Each test uses its own
 * symbols: the cache outlives a test.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CachedPriceFilterIT {
    private static final int DATA_LIMIT = 6;
    private static final String ORIGIN = "https://desk.example.com";
    private static final String BOT_KEY = "bot-key-0123456789abcdef0123456789abcdef";
    private static final String QUOTE_ROUTE = "GET /live/quote/{symbol}";
    private static final String TRADE_ROUTE = "GET /live/trade/{symbol}";
    private static final String XFF = "X-Forwarded-For";

    /** Set by Jersey on every answer it gives; a fast-path answer lacks it. */
    private static final String BY_JERSEY = JerseyMarkedApp.MARKER;

    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = app("fast-path",
            "rateLimit.groups.data.limit", String.valueOf(DATA_LIMIT),
            "rateLimit.trustedProxies", "127.0.0.1/32",
            "cors.allowedOrigins", ORIGIN);
    private static final DropwizardAppExtension<TradingConfiguration> KEYED = app("fast-path-keyed",
            "clients.apiKeys", "bot:" + BOT_KEY);

    private static DropwizardAppExtension<TradingConfiguration> app(String name, String... keysAndValues) {
        return JerseyMarkedApp.against(BROKER, name, keysAndValues);
    }

    private static void assertFastPath(Http.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Cache")).isEqualTo("HIT");
        assertThat(answer.header(BY_JERSEY)).as("answered by Jersey").isNull();
    }

    private static void assertJersey(Http.Answer answer) {
        assertThat(answer.header(BY_JERSEY)).as("answered by Jersey").isEqualTo("yes");
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
    }

    private static void stubQuote(String symbol) {
        BROKER.stubFor(get(urlPathEqualTo(quotePath(symbol)))
                .willReturn(okJson(latestQuote(symbol, "185.23", "185.21"))));
    }

    private static void stubTrade(String symbol) {
        BROKER.stubFor(get(urlPathEqualTo(tradePath(symbol))).willReturn(okJson(latestTrade(symbol, "250.5"))));
    }

    private static String quotePath(String symbol) {
        return "/v2/stocks/" + symbol + "/quotes/latest";
    }

    private static String tradePath(String symbol) {
        return "/v2/stocks/" + symbol + "/trades/latest";
    }

    private static int brokerDataCalls() {
        return BROKER.findAll(anyRequestedFor(urlPathMatching("/v2/stocks/.*"))).size();
    }

    /** A request from {@code client} (an address of its own, hence a rate-limit bucket of its own). */
    private Http.Answer getAs(String client, String path, String... headers) {
        return http.get(path, with(headers, XFF, client));
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static long count(JsonNode metrics, String route, String field) {
        JsonNode endpoint = metrics.get("endpoints").get(route);
        return endpoint == null ? 0 : endpoint.get(field).asLong();
    }

    private static void assertQuote(Http.Answer answer, String symbol) {
        JsonNode body = answer.json();
        assertThat(body.get("symbol").asText()).isEqualTo(symbol);
        assertThat(body.get("stale").asBoolean()).isFalse();
        assertThat(body.get("quote").get("ap").decimalValue()).isEqualByComparingTo("185.23");
        assertThat(body.get("quote").get("bp").decimalValue()).isEqualByComparingTo("185.21");
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("X-Cache")).isNull();
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("quote")).isFalse();
        assertThat(problem.has("trade")).isFalse();
    }

    /** The main port's filter names in mapping order, without the ones Dropwizard adds (thread names, methods). */
    private static List<String> filterOrder(DropwizardAppExtension<TradingConfiguration> app) {
        return Arrays.stream(app.getEnvironment().getApplicationContext().getServletHandler().getFilterMappings())
                .map(FilterMapping::getFilterName)
                .filter(name -> !name.startsWith("io.dropwizard."))
                .toList();
    }

    @Test
    void theFastPathFiltersAreTheLastOfTheMainPort() {
        List<String> names = filterOrder(APP);
        assertThat(names).containsSubsequence("request-id", "timing", "security-headers", "rate-limit", "cached-price",
                "open-breaker");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("cached-price", "open-breaker");
        FilterMapping cached = Arrays.stream(
                        APP.getEnvironment().getApplicationContext().getServletHandler().getFilterMappings())
                .filter(mapping -> mapping.getFilterName().equals("cached-price"))
                .findFirst().orElseThrow();
        assertThat(cached.getPathSpecs()).containsExactlyInAnyOrder("/live/quote/*", "/live/trade/*");

        List<String> keyed = filterOrder(KEYED);
        assertThat(keyed).containsSubsequence("request-id", "timing", "security-headers", "client-auth",
                "rate-limit", "cached-price", "open-breaker");
        assertThat(keyed.subList(keyed.size() - 2, keyed.size())).containsExactly("cached-price", "open-breaker");
    }

    @Test
    void secondReadIsAHitWithTheSameBytesAndHeadersAsJersey() {
        String client = "198.51.100.10";
        stubQuote("AAPL");

        Http.Answer miss = getAs(client, "/live/quote/AAPL", "Origin", ORIGIN);
        Http.Answer hit = getAs(client, "/live/quote/AAPL", "Origin", ORIGIN);
        // A parameter in Accept keeps the fast path out: Jersey answers the same cached value.
        Http.Answer jerseyHit = getAs(client, "/live/quote/AAPL", "Origin", ORIGIN,
                "Accept", "application/json;q=1");

        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertJersey(miss);
        assertQuote(miss, "AAPL");
        assertFastPath(hit);
        assertQuote(hit, "AAPL");
        assertThat(jerseyHit.status()).isEqualTo(200);
        assertThat(jerseyHit.header("X-Cache")).isEqualTo("HIT");
        assertJersey(jerseyHit);

        assertThat(hit.body()).isEqualTo(jerseyHit.body()).isEqualTo(miss.body());
        assertThat(hit.header("Content-Type")).isEqualTo(jerseyHit.header("Content-Type"))
                .startsWith("application/json");
        assertThat(hit.header("Content-Length"))
                .isEqualTo(String.valueOf(hit.body().getBytes(StandardCharsets.UTF_8).length));
        for (Http.Answer answer : List.of(hit, jerseyHit)) {
            assertThat(answer.header("X-Request-ID")).isNotBlank();
            assertThat(answer.header("Server-Timing")).matches("app;dur=\\d+\\.\\d");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
            assertThat(answer.header("RateLimit-Limit")).isEqualTo(String.valueOf(DATA_LIMIT));
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"data\";q=" + DATA_LIMIT + ";w=60");
            assertThat(answer.header("RateLimit-Remaining")).isNotBlank();
            assertThat(answer.header("RateLimit")).startsWith("\"data\";r=");
        }
        assertThat(hit.header("X-Request-ID")).isNotEqualTo(jerseyHit.header("X-Request-ID"));
        assertThat(hit.header("RateLimit-Remaining")).isEqualTo(String.valueOf(DATA_LIMIT - 2));
        assertThat(jerseyHit.header("RateLimit-Remaining")).isEqualTo(String.valueOf(DATA_LIMIT - 3));
        // The same header names, but for the marker this test's Jersey filter adds.
        assertThat(hit.headers().map().keySet()).map(String::toLowerCase)
                .containsExactlyInAnyOrderElementsOf(jerseyHit.headers().map().keySet().stream()
                        .map(String::toLowerCase).filter(name -> !name.equalsIgnoreCase(BY_JERSEY)).toList());
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("AAPL"))));
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    @Test
    void callerRequestIdIsEchoedOnAHit() {
        String client = "198.51.100.11";
        stubQuote("RQID");
        assertThat(getAs(client, "/live/quote/RQID").header("X-Cache")).isEqualTo("MISS");

        Http.Answer hit = getAs(client, "/live/quote/RQID", "X-Request-ID", "bot-7.hit_1");

        assertFastPath(hit);
        assertThat(hit.header("X-Request-ID")).isEqualTo("bot-7.hit_1");
    }

    @Test
    void lowerCaseSymbolHitsTheUpperCaseEntry() {
        String client = "198.51.100.12";
        stubQuote("LOWC");
        assertThat(getAs(client, "/live/quote/LOWC").header("X-Cache")).isEqualTo("MISS");

        Http.Answer lower = getAs(client, "/live/quote/lowc");
        Http.Answer mixed = getAs(client, "/live/quote/LoWc");

        for (Http.Answer answer : List.of(lower, mixed)) {
            assertFastPath(answer);
            assertQuote(answer, "LOWC");
        }
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("LOWC"))));
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    @Test
    void acceptListsHoldingJsonAreHits() {
        String client = "198.51.100.13";
        stubQuote("ACPT");
        String miss = getAs(client, "/live/quote/ACPT").body();

        for (String accept : List.of("application/json", "*/*", "application/*", "text/html, application/json")) {
            Http.Answer answer = getAs(client, "/live/quote/ACPT", "Accept", accept);
            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.header("X-Cache")).as(accept).isEqualTo("HIT");
            assertThat(answer.header(BY_JERSEY)).as(accept).isNull();
            assertThat(answer.header("Content-Type")).as(accept).startsWith("application/json");
            assertThat(answer.body()).as(accept).isEqualTo(miss);
        }
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    @Test
    void acceptWithoutJsonOnAWarmSymbolIsJerseys406() {
        String client = "198.51.100.14";
        stubQuote("HTML");
        assertThat(getAs(client, "/live/quote/HTML").header("X-Cache")).isEqualTo("MISS");

        Http.Answer html = getAs(client, "/live/quote/HTML", "Accept", "text/html");
        Http.Answer xml = getAs(client, "/live/quote/HTML", "Accept", "application/xml");

        assertProblem(html, 406);
        assertProblem(xml, 406);
        assertJersey(html);
        assertJersey(xml);
        assertThat(html.header("X-Request-ID")).isNotBlank();
        assertThat(html.json().get("requestId").asText()).isEqualTo(html.header("X-Request-ID"));
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    @Test
    void headOnAWarmSymbolIsAnsweredByJerseyWithoutABody() {
        String client = "198.51.100.15";
        stubQuote("HEDA");
        assertThat(getAs(client, "/live/quote/HEDA").header("X-Cache")).isEqualTo("MISS");

        Http.Answer head = http.send("HEAD", "/live/quote/HEDA", XFF, client);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("X-Cache")).isEqualTo("HIT");
        assertJersey(head);
        assertThat(head.header("X-Request-ID")).isNotBlank();
        Http.Answer after = getAs(client, "/live/quote/HEDA");
        assertFastPath(after);
        assertQuote(after, "HEDA");
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    @Test
    void otherMethodsOddPathsAndMissingSymbolsOnAWarmRouteReachJersey() {
        String client = "198.51.100.16";
        stubQuote("ODDP");
        BROKER.stubFor(get(urlPathEqualTo(quotePath("NOPE")))
                .willReturn(aResponse().withStatus(404).withBody("{\"code\":40410000,\"message\":\"not found\"}")));
        assertThat(getAs(client, "/live/quote/ODDP").header("X-Cache")).isEqualTo("MISS");

        Http.Answer post = http.post("/live/quote/ODDP", null, XFF, client);
        Http.Answer extraSegment = getAs(client, "/live/quote/ODDP/extra");
        Http.Answer tooLong = getAs(client, "/live/quote/" + "A".repeat(17));
        Http.Answer firstNope = getAs(client, "/live/quote/NOPE");

        assertProblem(post, 405);
        assertThat(post.json().get("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertProblem(extraSegment, 404);
        assertProblem(tooLong, 400);
        assertThat(tooLong.json().get("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertProblem(firstNope, 404);
        assertThat(firstNope.json().get("type").asText()).isEqualTo("/problems/symbol-not-found");

        // A symbol the broker has no data for is cached as missing: still Jersey's 404, no second broker call.
        Http.Answer secondNope = http.get("/live/quote/NOPE", XFF, "198.51.100.17");
        assertProblem(secondNope, 404);
        assertJersey(secondNope);
        assertThat(secondNope.json().get("type").asText()).isEqualTo("/problems/symbol-not-found");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("NOPE"))));
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("ODDP"))));
    }

    @Test
    void encodedAndMatrixPathsOnAWarmSymbolAreJerseysSameAnswer() {
        String client = "198.51.100.18";
        stubQuote("ENCD");
        Http.Answer miss = getAs(client, "/live/quote/ENCD");
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");

        Http.Answer encoded = getAs(client, "/live/quote/%45NCD");
        Http.Answer matrix = getAs(client, "/live/quote/ENCD;v=1");

        for (Http.Answer answer : List.of(encoded, matrix)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Cache")).isEqualTo("HIT");
            assertJersey(answer);
            assertThat(answer.body()).isEqualTo(miss.body());
        }
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    /**
     * Requests Jersey refuses as malformed (400) on a cold symbol get the same 400 on a warm one: the fast path
     * leaves them to Jersey (an Accept list it cannot parse, several Accept lines, any Content-Type).
     */
    @Test
    void malformedHeadersAreRefusedAlikeColdOrWarm() {
        List<String[]> cases = List.of(
                new String[]{"Accept", "application/json,,"},
                new String[]{"Accept", "application/json, text/"},
                new String[]{"Accept", "*/*, /"},
                new String[]{"Accept", "application/json", "Accept", "text/"},
                new String[]{"Content-Type", "garbage"});
        for (int i = 0; i < cases.size(); i++) {
            String[] headers = cases.get(i);
            String description = String.join(": ", headers);
            String client = "198.51.100." + (30 + i);
            String symbol = "MALF" + i;
            stubQuote(symbol);
            stubQuote(symbol + "C");
            Http.Answer cold = getAs(client, "/live/quote/" + symbol + "C", headers);
            assertThat(getAs(client, "/live/quote/" + symbol).header("X-Cache")).isEqualTo("MISS");

            Http.Answer warm = getAs(client, "/live/quote/" + symbol, headers);

            assertThat(cold.status()).as(description).isEqualTo(400);
            assertThat(warm.status()).as(description).isEqualTo(cold.status());
            assertThat(warm.header("Content-Type")).as(description).startsWith("application/problem+json");
        }
    }

    @Test
    void tradeIsAMissThenAHitWithOneBrokerCall() {
        String client = "198.51.100.19";
        stubTrade("TSLA");

        Http.Answer miss = getAs(client, "/live/trade/TSLA");
        Http.Answer hit = getAs(client, "/live/trade/tsla");
        Http.Answer jerseyHit = getAs(client, "/live/trade/TSLA", "Accept", "application/json;q=1");

        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertFastPath(hit);
        assertThat(jerseyHit.header("X-Cache")).isEqualTo("HIT");
        assertJersey(jerseyHit);
        assertThat(hit.header("Content-Type")).isEqualTo(jerseyHit.header("Content-Type"))
                .startsWith("application/json");
        assertThat(hit.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(hit.header("RateLimit-Policy")).isEqualTo("\"data\";q=" + DATA_LIMIT + ";w=60");
        JsonNode body = hit.json();
        assertThat(body.get("symbol").asText()).isEqualTo("TSLA");
        assertThat(body.get("stale").asBoolean()).isFalse();
        assertThat(body.get("trade").get("p").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(body.get("trade").get("i").asLong()).isEqualTo(52983525029461L);
        assertThat(hit.body()).isEqualTo(miss.body()).isEqualTo(jerseyHit.body());
        assertThat(getAs(client, "/live/trade/TSLA", "Accept", "text/html").status()).isEqualTo(406);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(tradePath("TSLA"))));
        assertThat(brokerDataCalls()).isEqualTo(1);
    }

    @Test
    void quoteAndTradeCachesAreSeparate() {
        String client = "198.51.100.20";
        stubQuote("SEPR");
        stubTrade("SEPR");
        assertThat(getAs(client, "/live/quote/SEPR").header("X-Cache")).isEqualTo("MISS");

        Http.Answer trade = getAs(client, "/live/trade/SEPR");

        assertThat(trade.header("X-Cache")).isEqualTo("MISS");
        assertThat(trade.json().has("trade")).isTrue();
        Http.Answer quoteHit = getAs(client, "/live/quote/SEPR");
        Http.Answer tradeHit = getAs(client, "/live/trade/SEPR");
        assertFastPath(quoteHit);
        assertFastPath(tradeHit);
        assertThat(quoteHit.json().has("quote")).isTrue();
        assertThat(quoteHit.json().has("trade")).isFalse();
        assertThat(tradeHit.json().has("trade")).isTrue();
        assertThat(tradeHit.json().has("quote")).isFalse();
    }

    @Test
    void hitsCountInThePerRouteMetrics() {
        String client = "198.51.100.21";
        String tradeClient = "198.51.100.24";
        int hits = 4;
        stubQuote("MTRQ");
        stubTrade("MTRT");
        assertThat(getAs(client, "/live/quote/MTRQ").header("X-Cache")).isEqualTo("MISS");
        assertThat(getAs(tradeClient, "/live/trade/MTRT").header("X-Cache")).isEqualTo("MISS");
        JsonNode before = http.get("/metrics").json();

        for (int i = 0; i < hits; i++) {
            assertFastPath(getAs(client, "/live/quote/MTRQ"));
        }
        assertFastPath(getAs(tradeClient, "/live/trade/MTRT"));

        JsonNode after = http.get("/metrics").json();
        assertThat(count(after, QUOTE_ROUTE, "count") - count(before, QUOTE_ROUTE, "count")).isEqualTo(hits);
        assertThat(count(after, QUOTE_ROUTE, "errors")).isEqualTo(count(before, QUOTE_ROUTE, "errors"));
        assertThat(count(after, TRADE_ROUTE, "count") - count(before, TRADE_ROUTE, "count")).isEqualTo(1);
        assertThat(count(after, "GET <unmatched>", "count")).isEqualTo(count(before, "GET <unmatched>", "count"));
        assertThat(after.get("endpoints").fieldNames()).toIterable()
                .noneMatch(key -> key.contains("MTRQ") || key.contains("MTRT"));
    }

    @Test
    void hitsAreRateLimited() {
        String client = "198.51.100.22";
        stubQuote("RLIM");
        long refusalsBefore = http.get("/metrics").json().get("rateLimit").get("refusals").get("data").asLong();
        Http.Answer miss = getAs(client, "/live/quote/RLIM");
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertThat(miss.header("RateLimit-Remaining")).isEqualTo(String.valueOf(DATA_LIMIT - 1));

        for (int remaining = DATA_LIMIT - 2; remaining >= 0; remaining--) {
            Http.Answer hit = getAs(client, "/live/quote/RLIM");
            assertFastPath(hit);
            assertThat(hit.header("RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
        }
        Http.Answer refused = getAs(client, "/live/quote/RLIM");
        Http.Answer lowerRefused = getAs(client, "/live/quote/rlim");

        for (Http.Answer answer : List.of(refused, lowerRefused)) {
            assertProblem(answer, 429);
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/rate-limited");
            assertThat(answer.header("Retry-After")).isNotBlank();
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(answer.header("X-Request-ID")).isNotBlank();
        }
        // Another client's bucket is untouched: the value is still cached and served.
        assertFastPath(getAs("198.51.100.23", "/live/quote/RLIM"));
        long refusalsAfter = http.get("/metrics").json().get("rateLimit").get("refusals").get("data").asLong();
        assertThat(refusalsAfter - refusalsBefore).isEqualTo(2);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("RLIM"))));
    }

    @Test
    void clientAuthenticationRunsBeforeTheFastPath() {
        stubQuote("AUTH");
        stubTrade("AUTH");
        Http.Answer miss = keyed.get("/live/quote/AUTH", "X-API-Key", BOT_KEY);
        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertThat(keyed.get("/live/trade/AUTH", "X-API-Key", BOT_KEY).header("X-Cache")).isEqualTo("MISS");
        Http.Answer hit = keyed.get("/live/quote/AUTH", "X-API-Key", BOT_KEY);
        assertFastPath(hit);

        Http.Answer noKey = keyed.get("/live/quote/AUTH");
        Http.Answer noKeyTrade = keyed.get("/live/trade/auth");
        Http.Answer wrongKey = keyed.get("/live/quote/AUTH", "X-API-Key", "guessed-key-guessed-key-guessed-key");

        for (Http.Answer answer : List.of(noKey, noKeyTrade)) {
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/unauthorized");
        }
        assertProblem(wrongKey, 403);
        assertThat(wrongKey.json().get("type").asText()).isEqualTo("/problems/forbidden");
        Http.Answer admin = keyed.get("/live/quote/AUTH", "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertFastPath(admin);
        assertThat(admin.body()).isEqualTo(hit.body());
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("AUTH"))));
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(tradePath("AUTH"))));
    }
}
