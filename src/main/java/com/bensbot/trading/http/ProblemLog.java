package com.bensbot.trading.http;

import com.bensbot.trading.broker.BrokerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log line of a server-side problem (CONTRACT §4), wherever it is answered: a mapped broker outcome is one WARN
 * line with its error ID and no stack trace, except {@code broker-auth-failed}, one ERROR line without a stack trace
 * (an operator must fix the gateway's broker keys); anything else one ERROR line with the stack trace.
 */
public final class ProblemLog {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemLog.class);

    private ProblemLog() {
    }

    /** Logs {@code failure}, answered as {@code problem}, when it is a 5xx; client errors are not logged. */
    public static void answered(Problem problem, ProblemException failure) {
        if (problem.status() < 500) {
            return;
        }
        if (failure.type() == ProblemType.BROKER_AUTH_FAILED) {
            LOG.error("{} {}: {} (errorId {})", problem.status(), failure.type().uri(), failure.detail(),
                    problem.errorId());
        } else if (failure instanceof BrokerException) {
            LOG.warn("{} {}: {} (errorId {})", problem.status(), failure.type().uri(), failure.detail(),
                    problem.errorId());
        } else {
            LOG.error("{} {}: {} (errorId {})", problem.status(), failure.type().uri(), failure.detail(),
                    problem.errorId(), failure);
        }
    }
}
