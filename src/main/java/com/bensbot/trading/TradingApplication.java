package com.bensbot.trading;

import com.bensbot.trading.audit.AuditHeadReporter;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.audit.AuditResource;
import com.bensbot.trading.audit.AuditVerifyCommand;
import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.broker.BreakerReset;
import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.bensbot.trading.broker.sim.AlpacaSimulator;
import com.bensbot.trading.http.JsonProcessingExceptionMapper;
import com.bensbot.trading.http.MonitoringConfig;
import com.bensbot.trading.http.MdcPropagatingExecutor;
import com.bensbot.trading.http.LockFreeMetricRegistry;
import com.bensbot.trading.http.ProblemErrorHandler;
import com.bensbot.trading.http.ProblemErrorPage;
import com.bensbot.trading.http.ProblemExceptionMapper;
import com.bensbot.trading.http.ProblemFactory;
import com.bensbot.trading.http.ProblemResponses;
import com.bensbot.trading.http.ProblemServletErrorHandler;
import com.bensbot.trading.http.ProblemWriter;
import com.bensbot.trading.http.RequestIdFilter;
import com.bensbot.trading.http.RequestMetrics;
import com.bensbot.trading.http.RouteListener;
import com.bensbot.trading.http.TimingFilter;
import com.bensbot.trading.http.UnexpectedExceptionMapper;
import com.bensbot.trading.http.WebApplicationExceptionMapper;
import com.bensbot.trading.livedata.CachedPriceFilter;
import com.bensbot.trading.livedata.OpenBreakerFilter;
import com.bensbot.trading.livedata.LiveDataResource;
import com.bensbot.trading.livedata.LiveDataService;
import com.bensbot.trading.livedata.PriceBodies;
import com.bensbot.trading.ops.AdminTask;
import com.bensbot.trading.ops.AdminTaskServlet;
import com.bensbot.trading.ops.AlpacaHealthCheck;
import com.bensbot.trading.ops.Caches;
import com.bensbot.trading.ops.BrokerHealthResource;
import com.bensbot.trading.ops.BrokerProbe;
import com.bensbot.trading.ops.BuiltInTaskAuditFilter;
import com.bensbot.trading.ops.CircuitBreakerHealthCheck;
import com.bensbot.trading.ops.CircuitBreakerResource;
import com.bensbot.trading.ops.GatewayCollector;
import com.bensbot.trading.ops.HealthResource;
import com.bensbot.trading.ops.MetricsResource;
import com.bensbot.trading.ops.OrderMetrics;
import com.bensbot.trading.ops.PrometheusEndpoint;
import com.bensbot.trading.ops.QuotaView;
import com.bensbot.trading.ops.RateLimitView;
import com.bensbot.trading.ops.ResetCircuitBreakerTask;
import com.bensbot.trading.ops.ServiceHealthResource;
import com.bensbot.trading.ops.SimFaultTask;
import com.bensbot.trading.ratelimit.ClientIdentity;
import com.bensbot.trading.ratelimit.BucketStore;
import com.bensbot.trading.ratelimit.InMemoryBucketStore;
import com.bensbot.trading.ratelimit.RedisBucketStore;
import com.bensbot.trading.ratelimit.RateLimitConfig;
import com.bensbot.trading.ratelimit.RateLimitFilter;
import com.bensbot.trading.ratelimit.RateLimitMonitor;
import com.bensbot.trading.ratelimit.RateLimiter;
import com.bensbot.trading.ratelimit.RouteClassifier;
import com.bensbot.trading.ratelimit.TrustedProxies;
import com.bensbot.trading.security.AdminAuthFilter;
import com.bensbot.trading.security.AdminCredential;
import com.bensbot.trading.security.AdminInProductionFeature;
import com.bensbot.trading.security.AdminTaskAuthFilter;
import com.bensbot.trading.audit.AuditClient;
import com.bensbot.trading.ops.AccountAnnouncer;
import com.bensbot.trading.ops.CancelAllOrdersTask;
import com.bensbot.trading.ops.ClearPriceCacheTask;
import com.bensbot.trading.ops.HaltTradingTask;
import com.bensbot.trading.ops.RedisHealthCheck;
import com.bensbot.trading.broker.QuotaBuckets;
import com.bensbot.trading.redis.RedisQuotaBuckets;
import com.bensbot.trading.redis.SharedRedis;
import com.bensbot.trading.ops.ResumeTradingTask;
import com.bensbot.trading.store.Database;
import com.bensbot.trading.trading.AssetDirectory;
import com.bensbot.trading.trading.DailyNotional;
import com.bensbot.trading.trading.HaltGuard;
import com.bensbot.trading.trading.IdempotencyGate;
import com.bensbot.trading.trading.IdempotencyJanitor;
import com.bensbot.trading.trading.IdempotencyStore;
import com.bensbot.trading.trading.LiveModeGuard;
import com.bensbot.trading.trading.OrderAudit;
import com.bensbot.trading.trading.OrderJson;
import com.bensbot.trading.trading.OrderPolicy;
import com.bensbot.trading.trading.OrderQueries;
import com.bensbot.trading.trading.OrderService;
import com.bensbot.trading.trading.OrderShape;
import com.bensbot.trading.trading.OrderSubmitter;
import com.bensbot.trading.trading.OrderValuation;
import com.bensbot.trading.trading.OrderRecords;
import com.bensbot.trading.trading.UnresolvedOrderResolver;
import com.bensbot.trading.ops.SpoolHealthCheck;
import com.bensbot.trading.store.Spool;
import com.bensbot.trading.trading.PaperAccountCheck;
import com.bensbot.trading.trading.TradingConfig;
import com.bensbot.trading.trading.TradingHaltStore;
import com.bensbot.trading.trading.TradingResource;
import com.bensbot.trading.trading.TradingState;
import com.bensbot.trading.docs.ApiDocsResource;
import com.bensbot.trading.docs.LazyApiDocument;
import com.bensbot.trading.docs.SwaggerUiServlet;
import com.bensbot.trading.ops.Draining;
import com.bensbot.trading.security.BrowserAccess;
import com.bensbot.trading.security.ClientAuthFilter;
import com.bensbot.trading.security.ClientKeys;
import com.bensbot.trading.security.LogLevelGuard;
import com.bensbot.trading.security.SecurityHeadersFilter;
import org.glassfish.jersey.server.ServerProperties;
import java.time.Clock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/** Builds every part from the configuration and wires them together; the only class that knows them all. */
public class TradingApplication extends Application<TradingConfiguration> {
    /** Request bodies above this answer 413 (an order is a few hundred bytes). */
    static final long MAX_BODY_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TradingApplication.class);
    /** Alpaca's per-account request limit, reported as the broker quota until calls are metered against it. */

    public static void main(String[] args) throws Exception {
        new TradingApplication().run(args);
    }

    @Override
    public String getName() {
        return "bensbot-trading";
    }

    @Override
    public void initialize(Bootstrap<TradingConfiguration> bootstrap) {
        bootstrap.setMetricRegistry(new LockFreeMetricRegistry());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new AuditVerifyCommand());
    }

    @Override
    protected void addDefaultCommands(Bootstrap<TradingConfiguration> bootstrap) {
        bootstrap.addCommand(new GatewayServerCommand(this));
        bootstrap.addCommand(new PreflightCommand());
    }

    @Override
    public void run(TradingConfiguration config, Environment environment) {
        runPreflight(config);
        LOG.info("{}", StartupBanner.of(config, version()));
        ObjectMapper mapper = environment.getObjectMapper()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        ProblemFactory problemFactory = new ProblemFactory(config.isProduction());
        ProblemWriter problemWriter = new ProblemWriter(mapper, problemFactory);
        ProblemResponses problemResponses = new ProblemResponses(problemFactory);
        installErrorHandling(config, environment, problemWriter, problemResponses);
        RequestMetrics requestMetrics = installTiming(config.getMonitoring(), environment);
        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        BrowserAccess.install(environment.getApplicationContext(), config.getCors(), MAX_BODY_BYTES);
        Draining draining = new Draining();
        environment.lifecycle().addEventListener(draining);

        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.getDatabase(), environment);
        AuditLog auditLog = new AuditLog(database, clock);
        environment.lifecycle().manage(new AuditHeadReporter(auditLog, Duration.ofMinutes(1)));
        Optional<SharedRedis> redis = sharedRedis(config, environment, clock);

        AdminCredential adminCredential = adminCredential(config);
        AlpacaConfig alpaca = config.getAlpaca();
        URI tradingRoot;
        URI dataRoot;
        AlpacaSimulator simulator = null;
        if (alpaca.isSimulator() || AlpacaConfig.SIM.equals(alpaca.effectiveDataUrl())) {
            simulator = startSimulator(config, environment);
        }
        tradingRoot = alpaca.isSimulator() ? simulator.baseUri() : URI.create(alpaca.getBaseUrl().trim());
        dataRoot = AlpacaConfig.SIM.equals(alpaca.effectiveDataUrl())
                ? simulator.baseUri() : URI.create(alpaca.effectiveDataUrl());

        QuotaBuckets quotaBuckets = redis.<QuotaBuckets>map(RedisQuotaBuckets::new).orElseGet(QuotaBuckets::local);
        AlpacaClient client = new AlpacaClient(alpaca, tradingRoot, dataRoot, environment.metrics(), mapper,
                quotaBuckets);
        environment.lifecycle().manage(client);

        ExecutorService loaderPool = environment.lifecycle().executorService("price-loader-%d")
                .minThreads(alpaca.getMaxConcurrentCalls())
                .maxThreads(alpaca.getMaxConcurrentCalls())
                .build();
        MdcPropagatingExecutor loaders = new MdcPropagatingExecutor(loaderPool);
        Semaphore brokerLoads = new Semaphore(alpaca.getMaxConcurrentCalls(), true);
        Duration ttl = Duration.ofMillis(alpaca.getPriceCacheTtl().toMilliseconds());
        Duration staleTtl = Duration.ofMillis(alpaca.getStaleIfErrorTtl().toMilliseconds());
        Duration maxWait = Duration.ofMillis(alpaca.getTimeouts().getTotal().toMilliseconds() + 1000);
        PriceCache<Quote> quotes = new PriceCache<>("quotes", ttl, staleTtl, alpaca.getPriceCacheMaxSymbols(),
                maxWait, client::latestQuote, client::latestQuotes, brokerLoads, loaders, environment.metrics());
        PriceCache<Trade> trades = new PriceCache<>("trades", ttl, staleTtl, alpaca.getPriceCacheMaxSymbols(),
                maxWait, client::latestTrade, client::latestTrades, brokerLoads, loaders, environment.metrics());

        TradingState tradingState = new TradingState(new TradingHaltStore(database.jdbi()));
        environment.lifecycle().manage(tradingState);
        BreakerReset breakerReset = new BreakerReset(client);
        OrderMetrics orderMetrics = new OrderMetrics(environment.metrics());
        LiveModeGuard liveGate = liveModeGuard(config, client);
        registerTrading(config, environment, client, quotes, trades, database, auditLog, tradingState, mapper, clock,
                orderMetrics, liveGate);

        AdminAuthFilter adminAuth = new AdminAuthFilter(adminCredential, auditLog);
        environment.jersey().register(adminAuth);
        environment.jersey().register(new HealthResource(config.getEnvironment(), config.getTrading().getMode(),
                alpaca.brokerLabel(), liveGate, version(), tradingState, draining));
        environment.jersey().register(new BrokerHealthResource(client));
        environment.jersey().register(new ServiceHealthResource(client, quotes, trades));
        environment.jersey().register(new CircuitBreakerResource(breakerReset, auditLog));
        environment.jersey().register(new AuditResource(auditLog));
        PriceBodies priceBodies = new PriceBodies(mapper, alpaca.getPriceCacheMaxSymbols());
        environment.jersey().register(new LiveDataResource(new LiveDataService(client, quotes, trades), priceBodies));
        environment.jersey().register(new ApiDocsResource(
                new LazyApiDocument(environment.jersey().getResourceConfig(), version()), config.isProduction(),
                adminCredential));
        environment.servlets().addServlet("swagger-ui", new SwaggerUiServlet(problemWriter, !config.isProduction()))
                .addMapping("/docs", "/docs/*");

        Caches caches = new Caches(List.of(quotes, trades));
        RateLimitMonitor rateLimitMonitor = new RateLimitMonitor(environment.metrics(),
                config.getRateLimit().getAlertThreshold(), config.getRateLimit().getMaxTrackedClients());
        RateLimitView rateLimits = RateLimitView.of(rateLimitMonitor);
        QuotaView quota = QuotaView.of(List.of(client.trading(), client.data()));
        environment.jersey().register(new MetricsResource(requestMetrics, client, caches, rateLimits, quota));
        if (config.isProduction()) {
            environment.jersey().register(new AdminInProductionFeature(adminAuth,
                    Set.of(MetricsResource.class, ServiceHealthResource.class)));
        }
        PrometheusEndpoint.install(environment.admin(), PrometheusEndpoint.registry(environment.metrics(),
                new GatewayCollector(client, caches, requestMetrics, orderMetrics, rateLimits, quota)));

        environment.healthChecks().register("alpaca", new AlpacaHealthCheck(client, liveGate));
        environment.healthChecks().register("circuit-breaker", new CircuitBreakerHealthCheck(client));
        environment.lifecycle().manage(new BrokerProbe(client,
                Duration.ofMillis(alpaca.getProbeInterval().toMilliseconds())));

        installClientAuth(config, environment, adminCredential, problemWriter, auditLog);
        installRateLimits(config.getRateLimit(), bucketStore(config, redis, environment), rateLimitMonitor,
                environment, problemWriter);
        // Last of the main port's filters: a cache hit or a fail-fast refusal has passed every check above.
        environment.servlets().addFilter("cached-price", new CachedPriceFilter(quotes, trades, priceBodies,
                        requestMetrics))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/live/quote/*", "/live/trade/*");
        environment.servlets().addFilter("open-breaker", new OpenBreakerFilter(client.data(), client.trading(),
                        problemWriter, requestMetrics))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/live/bars/*", "/live/clock");

        environment.admin().addFilter("admin-task-auth",
                        new AdminTaskAuthFilter(adminCredential, problemWriter, auditLog))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
        environment.admin().addFilter("log-level-guard", new LogLevelGuard(problemWriter))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/log-level");
        environment.admin().addFilter("builtin-task-audit", new BuiltInTaskAuditFilter(auditLog))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, BuiltInTaskAuditFilter.PATHS);
        addTask(environment, new ResetCircuitBreakerTask(breakerReset), mapper, problemWriter, auditLog);
        addTask(environment, new HaltTradingTask(tradingState, client), mapper, problemWriter, auditLog);
        addTask(environment, new ResumeTradingTask(tradingState), mapper, problemWriter, auditLog);
        addTask(environment, new CancelAllOrdersTask(client), mapper, problemWriter, auditLog);
        addTask(environment, new ClearPriceCacheTask(quotes, trades), mapper, problemWriter, auditLog);
        if (simulator != null) {
            addTask(environment, new SimFaultTask(simulator), mapper, problemWriter, auditLog);
        } else {
            environment.lifecycle().manage(new AccountAnnouncer(client, alpaca.brokerLabel(), liveGate));
        }
    }

    /** Client API keys (CONTRACT §3): before the rate limiter, so that buckets are kept per client name. */
    private static void installClientAuth(TradingConfiguration config, Environment environment,
                                          AdminCredential adminCredential, ProblemWriter problemWriter,
                                          AuditLog auditLog) {
        ClientKeys keys = new ClientKeys(config.getClients().parsedKeys());
        if (keys.isEmpty()) {
            LOG.warn("API_KEYS is empty: clients are not authenticated");
            return;
        }
        environment.servlets().addFilter("client-auth",
                        new ClientAuthFilter(keys, adminCredential, problemWriter, auditLog))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    private static void runPreflight(TradingConfiguration config) {
        Preflight.Result preflight = Preflight.check(config);
        preflight.warnings().forEach(warning -> LOG.warn("Preflight: {}", warning));
        if (!preflight.passed()) {
            preflight.fatal().forEach(problem -> LOG.error("Preflight: {}", problem));
            throw new PreflightFailedException(preflight.fatal());
        }
    }

    private static void registerTrading(TradingConfiguration config, Environment environment, AlpacaClient client,
                                        PriceCache<Quote> quotes, PriceCache<Trade> trades, Database database,
                                        AuditLog auditLog, TradingState tradingState, ObjectMapper mapper,
                                        Clock clock, OrderMetrics orderMetrics, LiveModeGuard mode) {
        TradingConfig trading = config.getTrading();
        AlpacaConfig alpaca = config.getAlpaca();
        OrderJson orderJson = new OrderJson(mapper);
        Duration idempotencyTtl = Duration.ofMillis(trading.getIdempotencyTtl().toMilliseconds());
        Duration slowestOrderPath = config.slowestOrderPath();
        IdempotencyStore idempotencyStore = new IdempotencyStore(database);
        OrderRecords records = new OrderRecords(idempotencyStore, auditLog,
                Spool.open(config.getDatabase().effectiveSpoolDirectory()), mapper, clock);
        environment.lifecycle().manage(records);
        environment.healthChecks().register("spool", new SpoolHealthCheck(records));
        OrderAudit orderAudit = new OrderAudit(auditLog, records);
        IdempotencyGate idempotency = new IdempotencyGate(idempotencyStore, client, orderJson, idempotencyTtl,
                slowestOrderPath, clock);
        environment.lifecycle().manage(new IdempotencyJanitor(idempotencyStore, idempotencyTtl, clock));
        environment.lifecycle().manage(new UnresolvedOrderResolver(idempotencyStore, client, orderJson, orderAudit,
                records, slowestOrderPath, Duration.ofSeconds(5), clock));
        OrderPolicy policy = new OrderPolicy(trading.allowedSymbolSet(), new AssetDirectory(client),
                new OrderValuation(quotes, trades), trading.getMaxOrderValueUsd(), trading.getMaxDailyNotionalUsd(),
                new DailyNotional(database), clock);
        OrderSubmitter submitter = new OrderSubmitter(client, mapper, alpaca.getRetry().getMaxRetries(),
                alpaca.getRetry().getInitialBackoff().toMilliseconds(),
                alpaca.getRetry().getMaxBackoff().toMilliseconds(), alpaca.getTimeouts().getTotal().toMilliseconds());
        OrderService orders = new OrderService(new OrderShape(mapper), idempotency, new HaltGuard(tradingState), mode,
                policy, submitter, orderJson, orderAudit, records, orderMetrics::record,
                !config.getClients().parsedKeys().isEmpty());
        letInFlightOrdersFinish(config, slowestOrderPath);
        environment.jersey().register(new TradingResource(orders, new OrderQueries(client, orderAudit),
                AuditClient::of));
        environment.jersey().property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    }

    /** A shutdown waits for in-flight orders to write their outcome: at least the slowest order path. */
    private static void letInFlightOrdersFinish(TradingConfiguration config, Duration slowestOrderPath) {
        if (config.getServerFactory() instanceof AbstractServerFactory serverFactory
                && serverFactory.getShutdownGracePeriod().toJavaDuration().compareTo(slowestOrderPath) < 0) {
            serverFactory.setShutdownGracePeriod(io.dropwizard.util.Duration.milliseconds(slowestOrderPath.toMillis()));
        }
    }

    /** Layer 3 of the order checks; shared with {@code /health}, the {@code alpaca} check and the account read. */
    private static LiveModeGuard liveModeGuard(TradingConfiguration config, AlpacaClient client) {
        TradingConfig trading = config.getTrading();
        PaperAccountCheck account = new PaperAccountCheck(client::account, PaperAccountCheck.RETRY_INTERVAL,
                System::nanoTime);
        return new LiveModeGuard(trading.getMode(), config.getAlpaca().brokerKind(), config.isProduction(),
                trading.isLiveTradingEnabled(), account);
    }

    private void installErrorHandling(TradingConfiguration config, Environment environment, ProblemWriter writer,
                                      ProblemResponses responses) {
        if (config.getServerFactory() instanceof AbstractServerFactory serverFactory) {
            serverFactory.setRegisterDefaultExceptionMappers(false);
        }
        environment.jersey().register(new ProblemExceptionMapper(responses));
        environment.jersey().register(new WebApplicationExceptionMapper(responses));
        environment.jersey().register(new JsonProcessingExceptionMapper(responses));
        environment.jersey().register(new UnexpectedExceptionMapper(responses));

        RequestIdFilter requestIds = new RequestIdFilter();
        environment.servlets().addFilter("request-id", requestIds)
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        environment.admin().addFilter("request-id", requestIds)
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");

        ProblemErrorPage page = new ProblemErrorPage(writer);
        environment.getApplicationContext().setErrorHandler(new ProblemServletErrorHandler(page));
        environment.getAdminContext().setErrorHandler(new ProblemServletErrorHandler(page));
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ProblemErrorHandler(page));
                }
            }
        });
    }

    /**
     * The rate-limit filter goes last on the main port, after client authentication has named the client, and
     * before the credential check on the admin port's tasks, so that guessing the admin token is limited too.
     */
    private static void installRateLimits(RateLimitConfig limits, BucketStore store, RateLimitMonitor monitor,
                                          Environment environment, ProblemWriter problemWriter) {
        if (!limits.isEnabled()) {
            LOG.warn("Rate limiting is disabled (rateLimit.enabled: false)");
            return;
        }
        RateLimiter limiter = new RateLimiter(limits, store, monitor);
        ClientIdentity clients = new ClientIdentity(TrustedProxies.parse(limits.getTrustedProxies()));
        environment.servlets().addFilter("rate-limit",
                        new RateLimitFilter(RouteClassifier.mainPort(), clients, limiter, problemWriter))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.admin().addFilter("admin-task-rate-limit",
                        new RateLimitFilter(RouteClassifier.adminTasks(), clients, limiter, problemWriter))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
    }

    /**
     * With {@code REDIS_URL}: the instance's Redis connection (managed, so connected before the ports open) and
     * its {@code redis} health check. Without it, nothing: buckets and quota stay in memory.
     */
    private static Optional<SharedRedis> sharedRedis(TradingConfiguration config, Environment environment,
                                                     Clock clock) {
        return config.getRedis().parsedUrl().map(url -> {
            SharedRedis redis = new SharedRedis(url, config.getRedis(), environment.metrics(), clock);
            environment.lifecycle().manage(redis);
            environment.healthChecks().register("redis", new RedisHealthCheck(redis));
            return redis;
        });
    }

    private static BucketStore bucketStore(TradingConfiguration config, Optional<SharedRedis> redis,
                                           Environment environment) {
        return redis.<BucketStore>map(shared -> new RedisBucketStore(shared, environment.metrics()))
                .orElseGet(() -> new InMemoryBucketStore(config.getRateLimit().getMaxTrackedClients()));
    }

    /** Server-Timing on every main-port response; with monitoring on, per-route timers and slow-request logs. */
    private static RequestMetrics installTiming(MonitoringConfig monitoring, Environment environment) {
        RequestMetrics metrics = monitoring.isEnabled() ? new RequestMetrics(environment.metrics(), monitoring) : null;
        environment.servlets().addFilter("timing", new TimingFilter(metrics))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        if (metrics != null) {
            environment.jersey().register(new RouteListener(metrics));
        }
        return metrics;
    }

    private static AdminCredential adminCredential(TradingConfiguration config) {
        String token = config.getAdmin().getToken();
        if (token.isEmpty()) {
            if (config.isProduction()) {
                throw new IllegalStateException("ADMIN_TOKEN is required in production");
            }
            token = AdminCredential.generateToken();
            LOG.info("Generated development admin token: {}", token);
        }
        return new AdminCredential(token);
    }

    private static AlpacaSimulator startSimulator(TradingConfiguration config, Environment environment) {
        AlpacaSimulator simulator = new AlpacaSimulator(0);
        simulator.setLatency(Duration.ofMillis(config.getSim().getLatency().toMilliseconds()));
        simulator.setReportedRateLimit(config.getSim().getRateLimitPerMinute());
        simulator.start();
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                simulator.stop();
            }
        });
        LOG.info("Built-in Alpaca simulator listening on {}", simulator.baseUri());
        return simulator;
    }

    private static void addTask(Environment environment, AdminTask task, ObjectMapper mapper, ProblemWriter writer,
                                AuditLog auditLog) {
        environment.admin().addServlet("task-" + task.name(), new AdminTaskServlet(task, mapper, writer, auditLog))
                .addMapping("/tasks/" + task.name());
    }

    private static String version() {
        String version = TradingApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
