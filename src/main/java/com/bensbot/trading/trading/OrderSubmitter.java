package com.bensbot.trading.trading;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.BrokerRateLimitedException;
import com.bensbot.trading.broker.BrokerRejectedException;
import com.bensbot.trading.broker.BrokerTimeoutException;
import com.bensbot.trading.broker.BrokerUnavailableException;
import com.bensbot.trading.broker.Order;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one order to the broker without ever sending it twice blindly (CONTRACT §5): every submission carries a
 * {@code client_order_id}; after a timeout, a lost connection or a 5xx the broker is asked for that id before any
 * resend; a "client_order_id must be unique" answer means the order exists and is looked up.
 */
public final class OrderSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(OrderSubmitter.class);

    private final AlpacaClient client;
    private final ObjectMapper mapper;
    private final int maxAttempts;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final long budgetMs;

    public OrderSubmitter(AlpacaClient client, ObjectMapper mapper, int maxRetries, long initialBackoffMs,
                          long maxBackoffMs, long budgetMs) {
        this.client = client;
        this.mapper = mapper;
        this.maxAttempts = maxRetries + 1;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.budgetMs = budgetMs;
    }

    /**
     * Places the order. Throws the broker's answer when it certainly holds no such order, or
     * {@link OrderStateUnknownException} once an attempt may have reached the broker and no answer about this very
     * {@code client_order_id} has settled it: a later 429, open breaker, spent quota, refused credentials or failed
     * connection says nothing about the earlier attempt.
     */
    public Order submit(OrderRequest order) {
        String clientOrderId = order.clientOrderId();
        byte[] body = body(order);
        long deadline = System.nanoTime() + budgetMs * 1_000_000L;
        boolean mayHaveReached = false;
        BrokerException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1 && !pause(attempt - 1, last, deadline)) {
                break;
            }
            try {
                return client.submitOrderOnce(body);
            } catch (BrokerRejectedException e) {
                if (isDuplicateClientOrderId(e)) {
                    // The broker holds an order under this id: ours (returned) or another's (refused in lookUp).
                    LOG.info("Broker already holds order {}; returning it", clientOrderId);
                    return lookUp(order, e).orElseThrow(() -> new OrderStateUnknownException(clientOrderId, e));
                }
                if (mayHaveReached) {
                    // A refusal of the resend says nothing certain of the earlier attempt: ask for the order itself.
                    return lookUp(order, e).orElseThrow(() -> new OrderStateUnknownException(clientOrderId, e));
                }
                throw e;
            } catch (BrokerUnavailableException | BrokerTimeoutException e) {
                last = e;
                if (e.mayHaveReachedBroker()) {
                    mayHaveReached = true;
                    Optional<Order> placed = lookUp(order, e);
                    if (placed.isPresent()) {
                        return placed.get();
                    }
                }
            } catch (BrokerRateLimitedException e) {
                // A 429 means the broker did not take this attempt.
                last = e;
                if (!e.isRetryable()) {
                    break;
                }
            } catch (BrokerException e) {
                // Open breaker, spent quota, refused credentials: this attempt never reached the broker.
                last = e;
                break;
            }
        }
        if (mayHaveReached) {
            // The look-ups found nothing, but an earlier send may still be on its way to the broker.
            throw new OrderStateUnknownException(clientOrderId, last);
        }
        throw last;
    }

    /**
     * The broker's order with this id, empty when it has none; throws when the broker cannot say. An order under
     * the id that is not this one (another client chose the same client_order_id) means the broker refused ours.
     */
    private Optional<Order> lookUp(OrderRequest order, BrokerException original) {
        String clientOrderId = order.clientOrderId();
        Optional<Order> found;
        try {
            found = client.orderByClientOrderId(clientOrderId);
        } catch (BrokerException lookupFailed) {
            LOG.warn("Order {} submission failed ({}) and the look-up failed too ({})", clientOrderId,
                    original.getMessage(), lookupFailed.getMessage());
            throw new OrderStateUnknownException(clientOrderId, lookupFailed);
        }
        if (found.isPresent() && !OrderMatch.sameOrder(order, found.get())) {
            throw new BrokerRejectedException(422, "client_order_id " + clientOrderId
                    + " is already used by another order at the broker");
        }
        return found;
    }

    private boolean pause(int retry, BrokerException last, long deadline) {
        int exponent = Math.min(retry - 1, 20);
        long wait = ThreadLocalRandom.current().nextLong(Math.min(maxBackoffMs, initialBackoffMs << exponent) + 1);
        if (last instanceof BrokerRateLimitedException limited) {
            wait = Math.max(wait, limited.retryAfterMillis());
        }
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
        if (wait >= remainingMs) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isDuplicateClientOrderId(BrokerRejectedException e) {
        String message = e.detail() == null ? "" : e.detail().toLowerCase(Locale.ROOT);
        return e.brokerStatus() == 422 && message.contains("client_order_id") && message.contains("unique");
    }

    private byte[] body(OrderRequest order) {
        try {
            return mapper.writeValueAsBytes(order.brokerBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order body of strings cannot fail to serialise", e);
        }
    }
}
