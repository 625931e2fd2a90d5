package com.bensbot.trading.redis;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The instance's one Redis connection, shared by the rate limiter and the broker quota, and the guard around
 * every use of it: a call that fails (Lettuce's {@link RedisException} family: refused, disconnected, timed out,
 * an error reply) answers empty so that the caller takes its fallback; after {@code redis.failureThreshold}
 * failures in a row Redis is skipped for {@code redis.skipFor}. An outage is logged once at WARN when it starts
 * and once at INFO when it ends; every failure counts in {@code bensbot.redis.failures}.
 *
 * <p>Lettuce reconnects a lost connection by itself; commands issued while it is down are rejected at once rather
 * than queued. A first connection that failed is retried in the background on the next use Redis is not skipped.
 */
public final class SharedRedis implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(SharedRedis.class);
    static final String PREFIX = "bensbot.redis";

    /** What the {@code redis} health check reports. */
    public record Status(boolean connected, boolean skipped, Duration skipRemaining, int consecutiveFailures,
                         Instant outageSince) {
    }

    private final RedisUrl url;
    private final RedisURI redisUri;
    private final Duration connectTimeout;
    private final byte[] keyPrefix;
    private final RedisBreaker breaker;
    private final Clock clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final Counter failures;
    private final Counter skipped;
    private final AtomicReference<CompletableFuture<Void>> connecting = new AtomicReference<>();
    private volatile RedisSession session;
    private volatile Instant outageSince;
    private volatile boolean stopped;

    public SharedRedis(RedisUrl url, RedisConfig config, MetricRegistry registry, Clock clock) {
        this.url = url;
        this.clock = clock;
        Duration commandTimeout = Duration.ofMillis(config.getCommandTimeout().toMilliseconds());
        this.connectTimeout = Duration.ofMillis(config.getConnectTimeout().toMilliseconds());
        this.redisUri = url.toRedisUri(commandTimeout);
        this.keyPrefix = config.getKeyPrefix().getBytes(StandardCharsets.UTF_8);
        this.breaker = new RedisBreaker(config.getFailureThreshold(),
                Duration.ofMillis(config.getSkipFor().toMilliseconds()), System::nanoTime);
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        this.failures = registry.counter(MetricRegistry.name(PREFIX, "failures"));
        this.skipped = registry.counter(MetricRegistry.name(PREFIX, "skipped"));
        registry.gauge(MetricRegistry.name(PREFIX, "available"), () -> (Gauge<Integer>) () -> usable() ? 1 : 0);
    }

    /** Connects, waiting up to {@code redis.connectTimeout}; an unreachable Redis does not stop the start-up. */
    @Override
    public void start() {
        try {
            connect().get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("Redis {}: starting without it, connecting in the background", url.hostPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the connection (the client closes what it opened) and the client's threads. */
    @Override
    public void stop() {
        stopped = true;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** Runs {@code operation} on the shared buckets; empty when Redis is skipped, not connected or failed. */
    public <T> Optional<T> call(Function<RedisSession, T> operation) {
        if (!breaker.allows()) {
            skipped.inc();
            return Optional.empty();
        }
        RedisSession current = session;
        if (current == null) {
            connect();
            skipped.inc();
            return Optional.empty();
        }
        try {
            T result = operation.apply(current);
            succeeded();
            return Optional.of(result);
        } catch (RedisException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** Whether the next call would go to Redis: connected and not skipped. */
    public boolean usable() {
        RedisSession current = session;
        return current != null && current.isOpen() && breaker.allows();
    }

    /** A key under {@code redis.keyPrefix}. */
    public byte[] key(String name) {
        byte[] suffix = name.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[keyPrefix.length + suffix.length];
        System.arraycopy(keyPrefix, 0, key, 0, keyPrefix.length);
        System.arraycopy(suffix, 0, key, keyPrefix.length, suffix.length);
        return key;
    }

    /** {@code host:port}, never the password. */
    public String label() {
        return url.hostPort();
    }

    public Status status() {
        RedisSession current = session;
        return new Status(current != null && current.isOpen(), !breaker.allows(), breaker.skipRemaining(),
                breaker.consecutiveFailures(), outageSince);
    }

    public long failureCount() {
        return failures.getCount();
    }

    /** Opens the connection in the background unless it is open or being opened; completes when settled. */
    private CompletableFuture<Void> connect() {
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        if (stopped || session != null || !connecting.compareAndSet(null, attempt)) {
            CompletableFuture<Void> running = connecting.get();
            return running == null ? CompletableFuture.completedFuture(null) : running;
        }
        client.connectAsync(ByteArrayCodec.INSTANCE, redisUri).whenComplete((connection, error) -> {
            if (error != null) {
                failed(error);
            } else if (stopped) {
                connection.closeAsync();
            } else {
                session = new RedisSession(connection);
                LOG.info("Redis {} connected{}: rate-limit buckets and the broker quota are shared", url.hostPort(),
                        url.tls() ? " (TLS)" : "");
                succeeded();
            }
            connecting.set(null);
            if (error != null) {
                attempt.completeExceptionally(error);
            } else {
                attempt.complete(null);
            }
        });
        return attempt;
    }

    private void succeeded() {
        if (breaker.succeeded()) {
            Instant since = outageSince;
            outageSince = null;
            LOG.info("Redis {} answers again (unreachable since {}): shared rate limits and broker quota resume",
                    url.hostPort(), since);
        }
    }

    private void failed(Throwable error) {
        failures.inc();
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String reason = cause.getClass().getSimpleName() + ": " + url.redact(cause.getMessage());
        if (breaker.failed()) {
            outageSince = clock.instant();
            LOG.warn("Redis {} unreachable ({}): client rate limits fail open and the broker quota keeps to this"
                    + " instance's local share until it answers again", url.hostPort(), reason);
        } else {
            LOG.debug("Redis {} still unreachable ({})", url.hostPort(), reason);
        }
    }
}
