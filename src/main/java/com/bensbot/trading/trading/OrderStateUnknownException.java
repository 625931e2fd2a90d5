package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

/**
 * The broker may or may not have the order: a submission timed out or lost its connection and the look-up by
 * {@code client_order_id} failed too. Never resolved by a blind resend, only by a later look-up.
 */
public final class OrderStateUnknownException extends ProblemException {
    public OrderStateUnknownException(String clientOrderId, Throwable cause) {
        super(ProblemType.BROKER_TIMEOUT, 504, "The broker did not confirm order " + clientOrderId
                + "; repeat the request with the same Idempotency-Key to learn its outcome", -1, null, cause);
    }
}
