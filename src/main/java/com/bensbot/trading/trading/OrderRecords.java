package com.bensbot.trading.trading;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.store.Spool;
import com.bensbot.trading.store.StorageUnavailableException;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store writes that follow a broker's answer (audit records, the settled state of an idempotency key). Once
 * the broker may hold an order, a store failure must neither change the answer nor lose the record: a write the
 * store refuses is put in the durable {@link Spool} and replayed, in order, at start and as soon as the store
 * answers again. Key writes are fenced by version, so a late replay never overwrites a newer owner's state.
 */
public final class OrderRecords implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OrderRecords.class);
    private static final long REPLAY_MILLIS = 1000;

    /** One write that follows a broker answer. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = AuditWrite.class, name = "audit"),
            @JsonSubTypes.Type(value = KeyCompleted.class, name = "key-completed"),
            @JsonSubTypes.Type(value = KeyUnresolved.class, name = "key-unresolved"),
            @JsonSubTypes.Type(value = KeyReleased.class, name = "key-released")})
    public sealed interface Write permits AuditWrite, KeyCompleted, KeyUnresolved, KeyReleased {
    }

    public record AuditWrite(String requestId, String client, String action, String outcome,
                             Map<String, Object> details) implements Write {
    }

    public record KeyCompleted(String key, int version, String body, String brokerOrderId) implements Write {
    }

    public record KeyUnresolved(String key, int version) implements Write {
    }

    public record KeyReleased(String key, int version) implements Write {
    }

    private final IdempotencyStore keys;
    private final AuditLog audit;
    private final Spool spool;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicInteger backlog = new AtomicInteger();
    private ScheduledExecutorService replayer;

    public OrderRecords(IdempotencyStore keys, AuditLog audit, Spool spool, ObjectMapper mapper, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.spool = spool;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Writes to the store, or, when it cannot take the write now, to the spool. Never throws for the store. */
    public void write(Write write) {
        try {
            apply(write);
        } catch (StorageUnavailableException storeDown) {
            spool(write, storeDown);
        }
    }

    /** Records waiting in the spool for the store. */
    public int backlog() {
        return backlog.get();
    }

    public Path directory() {
        return spool.directory();
    }

    @Override
    public void start() throws IOException {
        replay();
        replayer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "order-records-replay");
            thread.setDaemon(true);
            return thread;
        });
        replayer.scheduleWithFixedDelay(this::replayQuietly, REPLAY_MILLIS, REPLAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (replayer != null) {
            replayer.shutdownNow();
            replayer.awaitTermination(2, TimeUnit.SECONDS);
        }
        replayQuietly();
        spool.close();
    }

    private void apply(Write write) {
        if (write instanceof AuditWrite record) {
            audit.append(new AuditEntry(record.requestId(), record.client(), record.action(), record.outcome(),
                    record.details()));
        } else if (write instanceof KeyCompleted completed) {
            settled(completed, keys.complete(completed.key(), completed.version(), 201, completed.body(),
                    completed.brokerOrderId(), clock.instant()));
        } else if (write instanceof KeyUnresolved unresolved) {
            settled(unresolved, keys.markUnresolved(unresolved.key(), unresolved.version(), clock.instant()));
        } else if (write instanceof KeyReleased released) {
            settled(released, keys.releaseUnsent(released.key(), released.version()));
        }
    }

    private static void settled(Write write, boolean applied) {
        if (!applied) {
            // Another request took the key over meanwhile; it settles the order by asking the broker.
            LOG.info("Idempotency key write skipped, the key has a newer owner: {}", write);
        }
    }

    private void spool(Write write, StorageUnavailableException storeDown) {
        Write stamped = write instanceof AuditWrite record ? stamped(record) : write;
        try {
            spool.append(mapper.writeValueAsBytes(stamped));
            backlog.incrementAndGet();
            LOG.error("The store cannot take an order record now; it is spooled in {} and replayed when the store "
                    + "answers: {} ({})", spool.directory(), stamped, storeDown.getMessage());
        } catch (IOException spoolFailed) {
            LOG.error("ORDER RECORD LOST: neither the store nor the spool could take it: {} (store: {})", stamped,
                    storeDown.getMessage(), spoolFailed);
        }
    }

    /** A spooled audit record says when and under which id it was spooled: it reaches the chain later. */
    private AuditWrite stamped(AuditWrite record) {
        Map<String, Object> details = new LinkedHashMap<>(record.details());
        details.put("spooled", Map.of("id", UUID.randomUUID().toString(), "at", Instant.now(clock).toString()));
        return new AuditWrite(record.requestId(), record.client(), record.action(), record.outcome(), details);
    }

    private void replayQuietly() {
        try {
            replay();
        } catch (IOException e) {
            LOG.error("Cannot read the order record spool {}", spool.directory(), e);
        }
    }

    /** Replays spooled writes oldest first; stops at the first the store still refuses. */
    synchronized void replay() throws IOException {
        try {
            for (Path record : spool.pending()) {
                Write write = mapper.readValue(spool.read(record), Write.class);
                try {
                    apply(write);
                } catch (StorageUnavailableException stillDown) {
                    return;
                }
                spool.remove(record);
                LOG.info("Replayed a spooled order record into the store: {}", write);
            }
        } finally {
            backlog.set(spool.pending().size());
        }
    }
}
