package com.bensbot.trading.broker;

import java.time.Duration;

/** Where one broker API's quota tokens are kept: this instance alone, or shared by all instances. */
public interface QuotaBucket {
    /** Takes one token, waiting up to {@code maxWait} (zero: not at all); false when none came in time. */
    boolean tryTake(Duration maxWait);

    /** How long until a token would be there. */
    long nanosUntilToken();

    /** Gives back a token taken for an attempt that never reached the broker. */
    void giveBack();

    /** Tokens available now. */
    long available();

    /** Tokens per window that this instance may spend now. */
    long capacity();

    /** {@code local} or {@code redis}: where the tokens are counted now. */
    String store();
}
