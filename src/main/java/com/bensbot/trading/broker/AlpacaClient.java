package com.bensbot.trading.broker;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alpaca's trading API v2 and market data API v2 behind the resilience policies, one {@link BrokerApi} each.
 * Knows Alpaca's paths and JSON; knows nothing of the gateway's routes.
 */
public final class AlpacaClient implements Managed {
    private static final TypeReference<List<Position>> POSITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() {
    };

    private record LatestQuote(String symbol, Quote quote) {
    }

    private record LatestQuotes(Map<String, Quote> quotes) {
    }

    private record LatestTrade(String symbol, Trade trade) {
    }

    private record LatestTrades(Map<String, Trade> trades) {
    }

    private record Bars(List<Bar> bars) {
    }

    private final ObjectMapper mapper;
    private final BrokerHttpClient httpClient;
    private final BrokerApi trading;
    private final BrokerApi data;
    private final BrokerHealth health = new BrokerHealth();
    private final String feed;

    /** A client whose broker quota this instance counts alone. */
    public AlpacaClient(AlpacaConfig config, URI tradingRoot, URI dataRoot, MetricRegistry registry,
                        ObjectMapper baseMapper) {
        this(config, tradingRoot, dataRoot, registry, baseMapper, QuotaBuckets.local());
    }

    /** A client whose broker quota buckets come from {@code quotaBuckets} (shared by instances, or local). */
    public AlpacaClient(AlpacaConfig config, URI tradingRoot, URI dataRoot, MetricRegistry registry,
                        ObjectMapper baseMapper, QuotaBuckets quotaBuckets) {
        this.mapper = baseMapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
        this.feed = URLEncoder.encode(config.getDataFeed(), StandardCharsets.UTF_8);
        this.httpClient = new BrokerHttpClient(
                Duration.ofMillis(config.getTimeouts().getConnect().toMilliseconds()),
                Duration.ofMillis(config.getTimeouts().getRequest().toMilliseconds()),
                Math.max(16, config.getMaxConcurrentCalls() * 2));
        this.trading = new BrokerApi("trading",
                new BrokerHttp(httpClient.client(), tradingRoot, "trading", config.getApiKey(), config.getSecretKey()),
                mapper, config, health, new BrokerMetrics("trading", registry),
                new BrokerQuota("trading", config.getQuota().getTrading(), config.getQuota(), registry, quotaBuckets));
        this.data = new BrokerApi("data",
                new BrokerHttp(httpClient.client(), dataRoot, "data", config.getApiKey(), config.getSecretKey()),
                mapper, config, health, new BrokerMetrics("data", registry),
                new BrokerQuota("data", config.getQuota().getData(), config.getQuota(), registry, quotaBuckets));
    }

    @Override
    public void stop() {
        httpClient.stop();
    }

    public BrokerApi trading() {
        return trading;
    }

    public BrokerApi data() {
        return data;
    }

    public BrokerHealth health() {
        return health;
    }

    // ---- market data ----

    /** The latest quote, or empty when the broker has no data for the symbol. */
    public Optional<Quote> latestQuote(String symbol) {
        return absentWhenNotFound(() -> data.execute(
                BrokerCall.get("GET /v2/stocks/{symbol}/quotes/latest",
                        "/v2/stocks/" + symbol + "/quotes/latest?feed=" + feed),
                response -> read(response, LatestQuote.class).quote()));
    }

    /** Latest quotes of several symbols in one call; symbols without data are absent from the map. */
    public Map<String, Quote> latestQuotes(Collection<String> symbols) {
        LatestQuotes answer = data.execute(
                BrokerCall.get("GET /v2/stocks/quotes/latest",
                        "/v2/stocks/quotes/latest?symbols=" + String.join(",", symbols) + "&feed=" + feed),
                response -> read(response, LatestQuotes.class));
        return answer.quotes() == null ? Map.of() : answer.quotes();
    }

    public Optional<Trade> latestTrade(String symbol) {
        return absentWhenNotFound(() -> data.execute(
                BrokerCall.get("GET /v2/stocks/{symbol}/trades/latest",
                        "/v2/stocks/" + symbol + "/trades/latest?feed=" + feed),
                response -> read(response, LatestTrade.class).trade()));
    }

    public Map<String, Trade> latestTrades(Collection<String> symbols) {
        LatestTrades answer = data.execute(
                BrokerCall.get("GET /v2/stocks/trades/latest",
                        "/v2/stocks/trades/latest?symbols=" + String.join(",", symbols) + "&feed=" + feed),
                response -> read(response, LatestTrades.class));
        return answer.trades() == null ? Map.of() : answer.trades();
    }

    /** Bars in ascending time; {@code newestFirst} asks the broker for the latest {@code limit} bars. */
    public List<Bar> bars(String symbol, String timeframe, String start, String end, int limit, boolean newestFirst) {
        StringBuilder query = new StringBuilder("/v2/stocks/").append(symbol).append("/bars?timeframe=")
                .append(timeframe).append("&limit=").append(limit).append("&feed=").append(feed)
                .append("&sort=").append(newestFirst ? "desc" : "asc");
        if (start != null) {
            query.append("&start=").append(URLEncoder.encode(start, StandardCharsets.UTF_8));
        }
        if (end != null) {
            query.append("&end=").append(URLEncoder.encode(end, StandardCharsets.UTF_8));
        }
        Bars answer = data.execute(BrokerCall.get("GET /v2/stocks/{symbol}/bars", query.toString()),
                response -> read(response, Bars.class));
        List<Bar> bars = answer.bars() == null ? List.of() : answer.bars();
        if (newestFirst) {
            bars = new java.util.ArrayList<>(bars);
            java.util.Collections.reverse(bars);
        }
        return List.copyOf(bars);
    }

    // ---- trading ----

    public Clock clock() {
        return trading.execute(BrokerCall.get("GET /v2/clock", "/v2/clock"), response -> read(response, Clock.class));
    }

    /** A single attempt at the clock, for the health probe. */
    public Clock probeClock() {
        return trading.execute(BrokerCall.get("GET /v2/clock", "/v2/clock").once(),
                response -> read(response, Clock.class));
    }

    public Account account() {
        return trading.execute(BrokerCall.get("GET /v2/account", "/v2/account"),
                response -> read(response, Account.class));
    }

    public List<Position> positions() {
        return trading.execute(BrokerCall.get("GET /v2/positions", "/v2/positions"),
                response -> mapper.readValue(response.body(), POSITIONS));
    }

    public Optional<Asset> asset(String symbol) {
        return absentWhenNotFound(() -> trading.execute(
                BrokerCall.get("GET /v2/assets/{symbol}", "/v2/assets/" + symbol),
                response -> read(response, Asset.class)));
    }

    public List<Order> orders(String status, int limit) {
        return trading.execute(
                BrokerCall.get("GET /v2/orders", "/v2/orders?status=" + status + "&limit=" + limit
                        + "&direction=desc"),
                response -> mapper.readValue(response.body(), ORDERS));
    }

    public Optional<Order> order(String brokerId) {
        return absentWhenNotFound(() -> trading.execute(
                BrokerCall.get("GET /v2/orders/{id}", "/v2/orders/" + encode(brokerId)),
                response -> read(response, Order.class)));
    }

    public Optional<Order> orderByClientOrderId(String clientOrderId) {
        return absentWhenNotFound(() -> trading.execute(
                BrokerCall.get("GET /v2/orders:by_client_order_id",
                        "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId)),
                response -> read(response, Order.class)));
    }

    /** Cancels an order; false when the broker does not know it. A non-cancelable order is the broker's 422. */
    public boolean cancelOrder(String brokerId) {
        try {
            trading.execute(BrokerCall.delete("DELETE /v2/orders/{id}", "/v2/orders/" + encode(brokerId)),
                    response -> Boolean.TRUE);
            return true;
        } catch (BrokerRejectedException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /** Cancels every open order; returns the broker's per-order answers. */
    public JsonNode cancelAllOrders() {
        return trading.execute(BrokerCall.delete("DELETE /v2/orders", "/v2/orders"),
                response -> response.body().length == 0 ? mapper.createArrayNode() : mapper.readTree(response.body()));
    }

    /**
     * Submits an order in one attempt. The caller decides about resending: a resend is only safe after asking
     * the broker for the order's {@code client_order_id}.
     */
    public Order submitOrderOnce(byte[] body) {
        return trading.execute(new BrokerCall("POST", "POST /v2/orders", "/v2/orders", body, false),
                response -> read(response, Order.class));
    }

    private <T> T read(BrokerResponse response, Class<T> type) throws IOException {
        T value = mapper.readValue(response.body(), type);
        if (value == null) {
            throw new IOException("empty body");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface BrokerSupplier<T> {
        T get();
    }

    private static <T> Optional<T> absentWhenNotFound(BrokerSupplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (BrokerRejectedException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
