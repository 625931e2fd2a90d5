package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

/** A broker call that did not produce a usable answer. Subclasses say why; the mapper turns them into problems. */
public abstract class BrokerException extends ProblemException {
    protected BrokerException(ProblemType type, int status, String detail, long retryAfterSeconds, Throwable cause) {
        super(type, status, detail, retryAfterSeconds, null, cause);
    }

    /** For an outcome that is never logged with a stack trace; see {@link ProblemException}. */
    protected BrokerException(ProblemType type, int status, String detail, long retryAfterSeconds, Throwable cause,
                              boolean withStackTrace) {
        super(type, status, detail, retryAfterSeconds, null, cause, withStackTrace);
    }

    /**
     * Counts against the circuit breaker (CONTRACT §5: connect failure, reset, timeout, 5xx, unparsable 2xx, and a
     * status that is neither 2xx, 4xx nor 5xx, such as a redirect).
     */
    public abstract boolean isBreakerFailure();

    /** Worth another attempt after a backoff. */
    public abstract boolean isRetryable();

    /** This attempt may have reached the broker and taken effect: a timeout, a lost connection, a 5xx, an odd status. */
    public boolean mayHaveReachedBroker() {
        return false;
    }

    /**
     * This failure or an earlier attempt of the same call (kept as suppressed exceptions by {@link BrokerApi}) may
     * have reached the broker: a retry that meets an open breaker says nothing about the attempt that timed out.
     */
    public boolean anyAttemptMayHaveReachedBroker() {
        if (mayHaveReachedBroker()) {
            return true;
        }
        for (Throwable earlier : getSuppressed()) {
            if (earlier instanceof BrokerException broker && broker.mayHaveReachedBroker()) {
                return true;
            }
        }
        return false;
    }
}
