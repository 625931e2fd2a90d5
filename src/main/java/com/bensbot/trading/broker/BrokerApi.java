package com.bensbot.trading.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.event.CircuitBreakerStateChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One broker API (trading or data): its circuit breaker, its retry policy, its quota and the HTTP exchange,
 * composed as {@code retry ⊃ quota ⊃ breaker ⊃ attempt}, so that every attempt is timed alone, counted by the
 * breaker and charged one quota token, and a fail-fast call costs nothing.
 */
public final class BrokerApi {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerApi.class);

    /** Turns a successful broker answer into a value; an IOException means the body was unreadable. */
    @FunctionalInterface
    public interface BodyParser<T> {
        T parse(BrokerResponse response) throws IOException;
    }

    private final String name;
    private final BrokerHttp http;
    private final ObjectMapper mapper;
    private final BrokerHealth health;
    private final BrokerMetrics metrics;
    private final BrokerQuota quota;
    private final BreakerHistory history = new BreakerHistory();
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> withRetries;
    private final FailsafeExecutor<Object> throughBreaker;
    private final long requestTimeoutMs;
    private final long totalBudgetMs;
    private final long maxBackoffMs;

    BrokerApi(String name, BrokerHttp http, ObjectMapper mapper, AlpacaConfig config, BrokerHealth health,
              BrokerMetrics metrics, BrokerQuota quota) {
        this.name = name;
        this.http = http;
        this.mapper = mapper;
        this.health = health;
        this.metrics = metrics;
        this.quota = quota;
        this.requestTimeoutMs = config.getTimeouts().getRequest().toMilliseconds();
        this.totalBudgetMs = config.getTimeouts().getTotal().toMilliseconds();
        this.maxBackoffMs = config.getRetry().getMaxBackoff().toMilliseconds();
        this.breaker = buildBreaker(config.getCircuitBreaker());
        RetryPolicy<Object> retry = buildRetry(config.getRetry(), totalBudgetMs);
        this.withRetries = Failsafe.with(retry);
        this.throughBreaker = Failsafe.with(breaker);
    }

    private CircuitBreaker<Object> buildBreaker(AlpacaConfig.CircuitBreaker settings) {
        int trials = settings.getHalfOpenTrials();
        return CircuitBreaker.builder()
                .handleIf((result, failure) -> failure instanceof BrokerException broker && broker.isBreakerFailure())
                .withFailureThreshold(settings.getFailureThreshold(),
                        Math.max(settings.getFailureThreshold(), settings.getFailureWindow()))
                .withSuccessThreshold(trials, trials)
                .withDelay(Duration.ofMillis(settings.getOpenDuration().toMilliseconds()))
                .onOpen(event -> transition(event, BreakerState.OPEN))
                .onHalfOpen(event -> transition(event, BreakerState.HALF_OPEN))
                .onClose(event -> transition(event, BreakerState.CLOSED))
                .build();
    }

    private RetryPolicy<Object> buildRetry(AlpacaConfig.Retry settings, long budgetMs) {
        long initialMs = Math.max(1, settings.getInitialBackoff().toMilliseconds());
        return RetryPolicy.builder()
                .handleIf((result, failure) -> failure instanceof BrokerException broker && broker.isRetryable())
                .abortOn(CircuitBreakerOpenException.class)
                .withMaxRetries(settings.getMaxRetries())
                .withMaxDuration(Duration.ofMillis(budgetMs))
                .withDelayFn(context -> Duration.ofMillis(
                        backoffMillis(context.getAttemptCount(), initialMs, maxBackoffMs, context.getLastException())))
                .onRetry(event -> {
                    metrics.retry();
                    LOG.info("Retrying {} API call, attempt {} failed: {}", name, event.getAttemptCount(),
                            event.getLastException() == null ? "?" : event.getLastException().getMessage());
                })
                .build();
    }

    /** Full jitter: random(0, min(max, initial·2ⁿ)), but never less than a 429's Retry-After. */
    static long backoffMillis(int attemptsSoFar, long initialMs, long maxMs, Throwable lastFailure) {
        int exponent = Math.min(Math.max(attemptsSoFar - 1, 0), 30);
        long ceiling = Math.min(maxMs, initialMs << exponent);
        long wait = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (lastFailure instanceof BrokerRateLimitedException limited) {
            wait = Math.max(wait, limited.retryAfterMillis());
        }
        return wait;
    }

    private void transition(CircuitBreakerStateChangedEvent event, BreakerState to) {
        BreakerState from = BreakerState.of(event.getPreviousState());
        history.record(from, to, Instant.now());
        if (to == BreakerState.OPEN) {
            LOG.warn("Circuit breaker for the {} API opened (was {})", name, from);
        } else {
            LOG.info("Circuit breaker for the {} API is now {} (was {})", name, to, from);
        }
    }

    /** Runs the call under the resilience policies and parses the answer; throws a {@link BrokerException}. */
    public <T> T execute(BrokerCall call, BodyParser<T> parser) {
        long deadline = System.nanoTime() + totalBudgetMs * 1_000_000L;
        if (!call.retryable()) {
            try {
                return chargedAttempt(call, parser, deadline);
            } catch (CircuitBreakerOpenException e) {
                throw new CircuitOpenException(name, retryAfterSeconds());
            }
        }
        List<BrokerException> failedAttempts = new ArrayList<>(2);
        try {
            @SuppressWarnings("unchecked")
            T value = (T) withRetries.get(context -> {
                try {
                    return chargedAttempt(call, parser, deadline);
                } catch (BrokerException e) {
                    failedAttempts.add(e);
                    throw e;
                }
            });
            return value;
        } catch (CircuitBreakerOpenException e) {
            throw withEarlierAttempts(new CircuitOpenException(name, retryAfterSeconds()), failedAttempts);
        } catch (BrokerException e) {
            throw withEarlierAttempts(e, failedAttempts);
        }
    }

    /** The last failure carries the earlier attempts' failures as suppressed exceptions, for callers that care. */
    private static BrokerException withEarlierAttempts(BrokerException last, List<BrokerException> failedAttempts) {
        for (BrokerException earlier : failedAttempts) {
            if (earlier != last) {
                last.addSuppressed(earlier);
            }
        }
        return last;
    }

    /**
     * One attempt, charged one quota token, through the breaker. The quota is taken just outside the breaker:
     * inside, a quota refusal would be an outcome the breaker counts as a success, enough to close a half-open
     * breaker on no evidence. A call the breaker refuses gets its token back, so fail-fast calls cost nothing.
     */
    private <T> T chargedAttempt(BrokerCall call, BodyParser<T> parser, long deadline) {
        CircuitOpenException refused = refusal();
        if (refused != null) {
            throw refused;
        }
        quota.acquire();
        try {
            @SuppressWarnings("unchecked")
            T value = (T) throughBreaker.get(context -> attempt(call, parser, deadline));
            return value;
        } catch (CircuitBreakerOpenException e) {
            quota.refund();
            throw e;
        }
    }

    /**
     * What a call would get now without reaching the broker: a {@link CircuitOpenException} while the breaker is open
     * and its delay runs, else null. Cheap enough for the fail-fast path to ask on every request.
     */
    public CircuitOpenException refusal() {
        if (!breaker.isOpen()) {
            return null;
        }
        Duration remaining = breaker.getRemainingDelay();
        return remaining.isZero() ? null : new CircuitOpenException(name, wholeSeconds(remaining));
    }

    private <T> T attempt(BrokerCall call, BodyParser<T> parser, long deadline) {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
        if (remainingMs <= 0) {
            throw BrokerTimeoutException.budgetSpent(name, totalBudgetMs);
        }
        long started = System.nanoTime();
        BrokerResponse response;
        try {
            response = http.exchange(call, Math.min(requestTimeoutMs, remainingMs));
        } catch (BrokerTimeoutException e) {
            recordFailure(call, "timeout", started);
            throw e;
        } catch (BrokerUnavailableException e) {
            recordFailure(call, "error", started);
            throw e;
        }
        long nanos = System.nanoTime() - started;
        quota.observe(response);
        int status = response.status();
        if (response.isSuccess()) {
            T value;
            try {
                value = parser.parse(response);
            } catch (IOException e) {
                recordFailure(call, Integer.toString(status), started);
                throw BrokerUnavailableException.unparsable(name, e);
            }
            metrics.attempt(call.endpoint(), Integer.toString(status), nanos, true);
            health.success(nanos / 1_000_000L);
            return value;
        }
        metrics.attempt(call.endpoint(), Integer.toString(status), nanos, false);
        throw failureFor(response, nanos, deadline);
    }

    private void recordFailure(BrokerCall call, String status, long started) {
        long nanos = System.nanoTime() - started;
        metrics.attempt(call.endpoint(), status, nanos, false);
        health.failure(nanos / 1_000_000L);
    }

    private BrokerException failureFor(BrokerResponse response, long nanos, long deadline) {
        int status = response.status();
        long latencyMs = nanos / 1_000_000L;
        if (status >= 500) {
            health.failure(latencyMs);
            return BrokerUnavailableException.serverError(name, status);
        }
        if (status < 400) {
            // A redirect (never followed) or another status no broker call expects: as unknown an answer as a 5xx.
            health.failure(latencyMs);
            return BrokerUnavailableException.unexpectedStatus(name, status);
        }
        // Any other answer proves the broker reachable.
        health.success(latencyMs);
        if (status == 429) {
            long retryAfterMs = rateLimitWaitMillis(response, quota.brokerWaitMillis(), System.currentTimeMillis());
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
            // Also for a single-attempt call: a 429 means the broker took nothing, so its caller (the order
            // submitter) may send again after the wait.
            boolean worthWaiting = retryAfterMs <= maxBackoffMs && retryAfterMs < remainingMs;
            return new BrokerRateLimitedException(name, retryAfterMs, worthWaiting);
        }
        String message = brokerMessage(response);
        if (status == 401 || (status == 403 && isAuthRefusal(message))) {
            health.authFailure(latencyMs);
            LOG.error("The {} API refused the gateway's credentials ({}): check ALPACA_API_KEY and ALPACA_SECRET_KEY",
                    name, status);
            return new BrokerAuthException(name, status);
        }
        return new BrokerRejectedException(status, message);
    }

    private static boolean isAuthRefusal(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.equals("forbidden") || lower.contains("not authorized") || lower.contains("unauthorized");
    }

    /** The broker's own message ({@code {"code":…,"message":…}}), or a short excerpt of the body. */
    private String brokerMessage(BrokerResponse response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return "The broker answered " + response.status();
        }
        try {
            JsonNode node = mapper.readTree(body);
            JsonNode message = node == null ? null : node.get("message");
            if (message != null && message.isTextual() && !message.asText().isBlank()) {
                return truncate(message.asText());
            }
        } catch (IOException e) {
            LOG.debug("Broker error body of {} API is not JSON", name);
        }
        return truncate(new String(body, StandardCharsets.UTF_8));
    }

    private static String truncate(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /**
     * How long a 429 makes the gateway wait before its next call: the later of what the broker asks for (its
     * {@code Retry-After}, else its {@code X-Ratelimit-Reset}, else one second) and {@code quotaWaitMs}, the time the
     * local quota will still hold calls back because the broker said none remain until its reset. A retry sooner
     * than that would only be refused by the quota.
     */
    static long rateLimitWaitMillis(BrokerResponse response, long quotaWaitMs, long nowMillis) {
        return Math.max(requestedWaitMillis(response, nowMillis), quotaWaitMs);
    }

    private static long requestedWaitMillis(BrokerResponse response, long nowMillis) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            String value = retryAfter.trim();
            try {
                return Math.max(0, Long.parseLong(value)) * 1000L;
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(0, at.toInstant().toEpochMilli() - nowMillis);
                } catch (DateTimeParseException notDate) {
                    LOG.debug("Ignoring an unreadable Retry-After from the broker");
                }
            }
        }
        String reset = response.header("X-Ratelimit-Reset");
        if (reset != null) {
            try {
                long resetEpochSeconds = Long.parseLong(reset.trim());
                return Math.max(0, resetEpochSeconds * 1000L - nowMillis);
            } catch (NumberFormatException e) {
                LOG.debug("Ignoring an unreadable X-Ratelimit-Reset from the broker");
            }
        }
        return 1000L;
    }

    public String name() {
        return name;
    }

    public BreakerState state() {
        BreakerState state = BreakerState.of(breaker.getState());
        // Failsafe moves to half-open lazily, on the next call; report what a call would find.
        if (state == BreakerState.OPEN && breaker.getRemainingDelay().isZero()) {
            return BreakerState.HALF_OPEN;
        }
        return state;
    }

    /** Whole seconds until the open breaker lets a trial call through, at least 1. */
    public long retryAfterSeconds() {
        return wholeSeconds(breaker.getRemainingDelay());
    }

    /** Rounded up, at least 1: a client told to come back after 0 s would find the breaker still open. */
    private static long wholeSeconds(Duration delay) {
        return Math.max(1, (delay.toMillis() + 999) / 1000);
    }

    public List<BreakerTransition> transitions() {
        return history.snapshot();
    }

    /** Closes the breaker; returns the state it was in. */
    public BreakerState reset() {
        BreakerState before = state();
        breaker.close();
        return before;
    }

    public BrokerMetrics metrics() {
        return metrics;
    }

    public BrokerQuota quota() {
        return quota;
    }
}
