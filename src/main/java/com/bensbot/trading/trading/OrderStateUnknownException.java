package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

/**
 * The broker may or may not have the order: an attempt may have reached it (a timeout, a lost connection, a 5xx)
 * and no answer about that very {@code client_order_id} has settled it since. Answered 504 {@code broker-timeout}
 * naming the {@code clientOrderId}; never resolved by a blind resend, only by a look-up.
 */
public final class OrderStateUnknownException extends ProblemException {
    private final String clientOrderId;

    public OrderStateUnknownException(String clientOrderId, Throwable cause) {
        this(clientOrderId, true, cause);
    }

    /** {@code keyed}: the client sent an Idempotency-Key or client_order_id it can repeat the request with. */
    public OrderStateUnknownException(String clientOrderId, boolean keyed, Throwable cause) {
        super(ProblemType.BROKER_TIMEOUT, 504, "The broker did not confirm order " + clientOrderId + "; "
                + (keyed ? "repeat the request with the same Idempotency-Key to learn its outcome"
                : "look it up by its client_order_id (GET /trading/orders/" + clientOrderId + ") before sending it again"),
                -1, null, cause);
        this.clientOrderId = clientOrderId;
    }

    @Override
    public String clientOrderId() {
        return clientOrderId;
    }

    /** The same unknown outcome, worded for a client that did or did not send a key. */
    public OrderStateUnknownException forClient(boolean keyed) {
        return new OrderStateUnknownException(clientOrderId, keyed, getCause());
    }
}
