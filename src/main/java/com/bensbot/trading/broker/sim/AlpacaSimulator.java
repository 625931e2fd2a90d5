package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A simulator of Alpaca's REST API (trading v2 and market data v2 under one root), served over
 * real HTTP on the loopback interface. It keeps one paper account (cash 100 000 USD), quotes
 * about fifty liquid US symbols whose prices wander, fills marketable orders at once at any hour,
 * and can be told to fail ({@link #faults()}) or to answer slowly ({@link #setLatency}).
 */
public final class AlpacaSimulator implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    /** Longer than a held-back TIMEOUT answer, so the connection outlives it. */
    private static final Duration IDLE_TIMEOUT = SimFaults.TIMEOUT_HOLD.plusSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final ReplyDispatcher dispatcher;
    private final SimFaults faults = new SimFaults();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final SimRateLimits rateLimits;

    /** A simulator on a random free port. */
    public AlpacaSimulator() {
        this(0);
    }

    /** A simulator on {@code port} of 127.0.0.1; 0 picks a random free port. */
    public AlpacaSimulator(int port) {
        this(port, Clock.systemUTC());
    }

    AlpacaSimulator(int port, Clock clock) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("alpaca-sim");
        server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);

        ObjectMapper mapper = SimJson.newMapper();
        dispatcher = new ReplyDispatcher(server.getScheduler());
        server.addBean(dispatcher);
        rateLimits = new SimRateLimits(clock);
        server.setHandler(new SimHandler(router(mapper, clock), faults, rateLimits, dispatcher,
                mapper, latency::get));
        server.setErrorHandler(new SimErrorHandler(mapper));
    }

    private static SimRouter router(ObjectMapper mapper, Clock clock) {
        NyseCalendar calendar = new NyseCalendar();
        SimUniverse universe = SimUniverse.usEquities();
        SimMarket market = new SimMarket(universe, calendar, clock);
        SimAccount account = new SimAccount(clock);
        UUID accountId = UUID.nameUUIDFromBytes("alpaca-sim-account".getBytes(StandardCharsets.UTF_8));
        TradingJson.AccountIdentity identity = new TradingJson.AccountIdentity(accountId, "PA3SIM0000001", clock.instant());
        return new SimRouter(
                new MarketDataApi(universe, market, new SimBars(market, calendar, clock), clock),
                new AccountApi(identity, universe, market, account, calendar, clock),
                new OrdersApi(mapper, universe, market, account));
    }

    /** Binds the port and starts serving; a failure (port taken) is thrown unchecked. */
    public void start() {
        LifeCycle.start(server);
    }

    /** Stops serving; answers still held back are dropped and their connections aborted. */
    public void stop() {
        LifeCycle.stop(server);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** The root of both APIs, e.g. {@code http://127.0.0.1:43210}. */
    public URI baseUri() {
        if (!server.isStarted()) {
            throw new IllegalStateException("the Alpaca simulator is not running");
        }
        return URI.create("http://" + LOOPBACK + ":" + connector.getLocalPort());
    }

    /** Answers held back right now (timeout faults, latency); for tests that must act while one is held. */
    int heldAnswers() {
        return dispatcher.held();
    }

    public SimFaults faults() {
        return faults;
    }

    /** A fixed delay added to every answer (0 by default). */
    public void setLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        this.latency.set(latency);
    }

    public Duration latency() {
        return latency.get();
    }

    /**
     * The per-minute request limit reported in {@code X-Ratelimit-Limit} / {@code -Remaining} (Alpaca's 200 by
     * default). Only reported, never enforced; the gateway stops calling when the reported remainder is 0.
     */
    public void setReportedRateLimit(int perMinute) {
        rateLimits.setLimitPerMinute(perMinute);
    }

    public int reportedRateLimit() {
        return rateLimits.limitPerMinute();
    }
}
