package com.bensbot.trading.broker;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The broker's request allowance for one API (CONTRACT §5): a token bucket, one token per attempt that reaches
 * the broker, plus what the broker itself last said in {@code X-Ratelimit-*}. A call waits up to {@code maxWait}
 * for a token, else fails fast with {@link BrokerQuotaExhaustedException}, so the gateway stops before the broker
 * would answer 429.
 *
 * <p>Where the tokens are counted is the {@link QuotaBuckets}' choice: locally with the whole account limit (one
 * instance per account, the default), or in Redis, shared by every instance, falling back to this instance's
 * share {@code limit / alpaca.quota.instances} while Redis is unreachable.
 */
public final class BrokerQuota {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerQuota.class);

    /** The broker's own count as of its last answer; stale once its reset time has passed. */
    private record BrokerCount(long remaining, long resetAtMillis) {
    }

    private final String api;
    private final long windowMillis;
    private final long maxWaitNanos;
    private final QuotaBucket bucket;
    private final Counter exhausted;
    private volatile BrokerCount broker;

    /** A quota counted by this instance alone, with the whole account limit. */
    public BrokerQuota(String api, AlpacaConfig.Quota.Allowance allowance, AlpacaConfig.Quota settings,
                       MetricRegistry registry) {
        this(api, allowance, settings, registry, QuotaBuckets.local());
    }

    public BrokerQuota(String api, AlpacaConfig.Quota.Allowance allowance, AlpacaConfig.Quota settings,
                       MetricRegistry registry, QuotaBuckets buckets) {
        this.api = api;
        this.windowMillis = allowance.getWindow().toMilliseconds();
        this.maxWaitNanos = settings.getMaxWait().toNanoseconds();
        this.bucket = buckets.bucket(api, Math.max(1, allowance.getLimit()), Duration.ofMillis(windowMillis),
                settings.getInstances());
        String prefix = MetricRegistry.name(BrokerMetrics.PREFIX, api, "quota");
        registry.gauge(MetricRegistry.name(prefix, "remaining"), () -> (Gauge<Long>) this::remaining);
        registry.gauge(MetricRegistry.name(prefix, "used"), () -> (Gauge<Long>) this::used);
        this.exhausted = registry.counter(MetricRegistry.name(prefix, "exhausted"));
    }

    /** Takes one token, waiting up to {@code maxWait}; throws {@link BrokerQuotaExhaustedException} otherwise. */
    public void acquire() {
        long brokerWait = brokerWaitNanos();
        if (brokerWait > maxWaitNanos) {
            throw exhausted(brokerWait);
        }
        if (brokerWait > 0 && !pause(brokerWait)) {
            throw exhausted(brokerWait);
        }
        long budget = maxWaitNanos - brokerWait;
        if (!bucket.tryTake(Duration.ofNanos(Math.max(0, budget)))) {
            throw exhausted(bucket.nanosUntilToken());
        }
    }

    /** Gives back the token of an attempt that never reached the broker (the breaker refused it). */
    public void refund() {
        bucket.giveBack();
    }

    /** Notes the broker's {@code X-Ratelimit-Remaining} and {@code X-Ratelimit-Reset} (epoch seconds). */
    public void observe(BrokerResponse response) {
        String remaining = response.header("X-Ratelimit-Remaining");
        if (remaining == null) {
            return;
        }
        try {
            long count = Long.parseLong(remaining.trim());
            long now = System.currentTimeMillis();
            String reset = response.header("X-Ratelimit-Reset");
            long resetAt = reset == null ? now + windowMillis : Long.parseLong(reset.trim()) * 1000L;
            // A clock far from the broker's must not stall calls for longer than one window.
            broker = new BrokerCount(Math.max(0, count), Math.min(resetAt, now + windowMillis));
        } catch (NumberFormatException e) {
            LOG.debug("Ignoring unreadable X-Ratelimit headers from the {} API", api);
        }
    }

    /** Requests left now: the lesser of the local count and the broker's last word. */
    public long remaining() {
        long local = Math.max(0, bucket.available());
        BrokerCount count = broker;
        if (count != null && System.currentTimeMillis() < count.resetAtMillis()) {
            return Math.min(local, count.remaining());
        }
        return local;
    }

    /** Tokens spent and not yet refilled in the bucket counted now. */
    public long used() {
        return Math.max(0, bucket.capacity() - Math.max(0, bucket.available()));
    }

    /** Requests per window this instance may send now: the account limit, or its share when counting alone. */
    public long limit() {
        return bucket.capacity();
    }

    /** {@code local} or {@code redis}: where the tokens are counted now. */
    public String store() {
        return bucket.store();
    }

    public long exhaustedCount() {
        return exhausted.getCount();
    }

    /**
     * How long the broker's last word still holds calls back: the time until its reset when it said none remain,
     * else 0.
     */
    public long brokerWaitMillis() {
        return brokerWaitNanos() / 1_000_000L;
    }

    private long brokerWaitNanos() {
        BrokerCount count = broker;
        if (count == null || count.remaining() > 0) {
            return 0;
        }
        long waitMillis = count.resetAtMillis() - System.currentTimeMillis();
        return waitMillis <= 0 ? 0 : waitMillis * 1_000_000L;
    }

    private BrokerQuotaExhaustedException exhausted(long waitNanos) {
        exhausted.inc();
        return new BrokerQuotaExhaustedException(api, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Sleeps for {@code nanos}; false when interrupted (the flag stays set). */
    private static boolean pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
