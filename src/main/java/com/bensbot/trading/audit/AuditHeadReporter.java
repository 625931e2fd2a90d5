package com.bensbot.trading.audit;

import com.bensbot.trading.store.StorageUnavailableException;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logs {@code Audit head SEQ:HASH} at INFO at start-up, every {@code interval} and at shutdown, so the log
 * keeps an outside copy of the head: {@code audit-verify --expect-head} then catches removed newest records.
 */
public final class AuditHeadReporter implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AuditHeadReporter.class);
    private final AuditLog auditLog;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public AuditHeadReporter(AuditLog auditLog, Duration interval) {
        this.auditLog = auditLog;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-head-reporter");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(this::report, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        report();
    }

    /** Logs the current head once; a store that cannot be read is a WARN, and the next report tries again. */
    public void report() {
        try {
            AuditHead head = auditLog.head().map(AuditHead::of).orElse(AuditHead.GENESIS);
            LOG.info("Audit head {}", head);
        } catch (StorageUnavailableException e) {
            LOG.warn("Audit head unknown: {} ({})", e.getMessage(),
                    e.getCause() == null ? "no cause" : e.getCause().getMessage());
        }
    }
}
