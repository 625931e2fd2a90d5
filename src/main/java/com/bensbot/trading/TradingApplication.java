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
import com.bensbot.trading.http.MdcPropagatingExecutor;
import com.bensbot.trading.http.ProblemErrorHandler;
import com.bensbot.trading.http.ProblemErrorPage;
import com.bensbot.trading.http.ProblemExceptionMapper;
import com.bensbot.trading.http.ProblemFactory;
import com.bensbot.trading.http.ProblemResponses;
import com.bensbot.trading.http.ProblemServletErrorHandler;
import com.bensbot.trading.http.ProblemWriter;
import com.bensbot.trading.http.RequestIdFilter;
import com.bensbot.trading.http.UnexpectedExceptionMapper;
import com.bensbot.trading.http.WebApplicationExceptionMapper;
import com.bensbot.trading.livedata.LiveDataResource;
import com.bensbot.trading.livedata.LiveDataService;
import com.bensbot.trading.ops.AdminTask;
import com.bensbot.trading.ops.AdminTaskServlet;
import com.bensbot.trading.ops.AlpacaHealthCheck;
import com.bensbot.trading.ops.BrokerHealthResource;
import com.bensbot.trading.ops.BrokerProbe;
import com.bensbot.trading.ops.BuiltInTaskAuditFilter;
import com.bensbot.trading.ops.CircuitBreakerHealthCheck;
import com.bensbot.trading.ops.CircuitBreakerResource;
import com.bensbot.trading.ops.HealthResource;
import com.bensbot.trading.ops.ResetCircuitBreakerTask;
import com.bensbot.trading.ops.ServiceHealthResource;
import com.bensbot.trading.ops.SimFaultTask;
import com.bensbot.trading.security.AdminAuthFilter;
import com.bensbot.trading.security.AdminCredential;
import com.bensbot.trading.security.AdminTaskAuthFilter;
import com.bensbot.trading.store.Database;
import com.bensbot.trading.trading.TradingState;
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
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;

/** Builds every part from the configuration and wires them together; the only class that knows them all. */
public class TradingApplication extends Application<TradingConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(TradingApplication.class);

    public static void main(String[] args) throws Exception {
        new TradingApplication().run(args);
    }

    @Override
    public String getName() {
        return "bensbot-trading";
    }

    @Override
    public void initialize(Bootstrap<TradingConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new AuditVerifyCommand());
    }

    @Override
    public void run(TradingConfiguration config, Environment environment) {
        ObjectMapper mapper = environment.getObjectMapper()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        ProblemFactory problemFactory = new ProblemFactory(config.isProduction());
        ProblemWriter problemWriter = new ProblemWriter(mapper, problemFactory);
        ProblemResponses problemResponses = new ProblemResponses(problemFactory);
        installErrorHandling(config, environment, problemWriter, problemResponses);

        Database database = Database.open(config.getDatabase(), environment);
        AuditLog auditLog = new AuditLog(database, Clock.systemUTC());
        environment.lifecycle().manage(new AuditHeadReporter(auditLog, Duration.ofMinutes(1)));

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

        AlpacaClient client = new AlpacaClient(alpaca, tradingRoot, dataRoot, environment.metrics(), mapper);
        environment.lifecycle().manage(client);

        ExecutorService loaderPool = environment.lifecycle().executorService("price-loader-%d")
                .minThreads(alpaca.getMaxConcurrentCalls())
                .maxThreads(alpaca.getMaxConcurrentCalls())
                .build();
        MdcPropagatingExecutor loaders = new MdcPropagatingExecutor(loaderPool);
        Duration ttl = Duration.ofMillis(alpaca.getPriceCacheTtl().toMilliseconds());
        Duration staleTtl = Duration.ofMillis(alpaca.getStaleIfErrorTtl().toMilliseconds());
        Duration maxWait = Duration.ofMillis(alpaca.getTimeouts().getTotal().toMilliseconds() + 1000);
        PriceCache<Quote> quotes = new PriceCache<>("quotes", ttl, staleTtl, alpaca.getPriceCacheMaxSymbols(),
                maxWait, client::latestQuote, client::latestQuotes, loaders, environment.metrics());
        PriceCache<Trade> trades = new PriceCache<>("trades", ttl, staleTtl, alpaca.getPriceCacheMaxSymbols(),
                maxWait, client::latestTrade, client::latestTrades, loaders, environment.metrics());

        TradingState tradingState = new TradingState();
        BreakerReset breakerReset = new BreakerReset(client);

        environment.jersey().register(new AdminAuthFilter(adminCredential, auditLog));
        environment.jersey().register(new HealthResource(config.getEnvironment(), config.getTrading().getMode(),
                alpaca.brokerLabel(), version(), tradingState));
        environment.jersey().register(new BrokerHealthResource(client));
        environment.jersey().register(new ServiceHealthResource(client, quotes, trades));
        environment.jersey().register(new CircuitBreakerResource(breakerReset, auditLog));
        environment.jersey().register(new AuditResource(auditLog));
        environment.jersey().register(new LiveDataResource(new LiveDataService(client, quotes, trades)));

        environment.healthChecks().register("alpaca", new AlpacaHealthCheck(client));
        environment.healthChecks().register("circuit-breaker", new CircuitBreakerHealthCheck(client));
        environment.lifecycle().manage(new BrokerProbe(client,
                Duration.ofMillis(alpaca.getProbeInterval().toMilliseconds())));

        environment.admin().addFilter("admin-task-auth",
                        new AdminTaskAuthFilter(adminCredential, problemWriter, auditLog))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
        environment.admin().addFilter("builtin-task-audit", new BuiltInTaskAuditFilter(auditLog))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, BuiltInTaskAuditFilter.PATHS);
        addTask(environment, new ResetCircuitBreakerTask(breakerReset), mapper, problemWriter, auditLog);
        if (simulator != null) {
            addTask(environment, new SimFaultTask(simulator), mapper, problemWriter, auditLog);
        }
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
