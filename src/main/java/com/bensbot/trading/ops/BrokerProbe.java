package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the broker for its clock every interval (one attempt through the trading breaker), so that
 * {@code /live/health} stays current and an open breaker gets its half-open trials without client traffic.
 */
public final class BrokerProbe implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);
    private final AlpacaClient client;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public BrokerProbe(AlpacaClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "broker-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void probe() {
        try {
            client.probeClock();
        } catch (BrokerException e) {
            LOG.debug("Broker probe failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Keep probing: an exception escaping a scheduled task would silently cancel all later runs.
            LOG.error("Broker probe failed unexpectedly", e);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
