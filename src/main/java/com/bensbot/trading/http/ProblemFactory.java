package com.bensbot.trading.http;


import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds problem documents: a fresh {@code errorId} each, the current request ID, and in production a 5xx
 * detail that reveals nothing but the error ID.
 */
public final class ProblemFactory {
    private final boolean production;

    public ProblemFactory(boolean production) {
        this.production = production;
    }

    public Problem create(ProblemType type, int status, String detail, List<Violation> violations) {
        return create(type, status, detail, violations, RequestIds.current());
    }

    public Problem create(ProblemType type, int status, String detail, List<Violation> violations, String requestId) {
        String errorId = newErrorId();
        String shown = production && status >= 500
                ? "The request could not be completed; quote error ID " + errorId + " when reporting it."
                : detail;
        return new Problem(type.uri(), type.title(), status, shown, errorId, requestId, null, violations);
    }

    /**
     * The document for a thrown problem; an order whose outcome is unknown names its {@code clientOrderId}, in
     * production too, so that the client can reconcile it.
     */
    public Problem create(ProblemException failure) {
        Problem problem = create(failure.type(), failure.status(), failure.detail(), failure.violations());
        String clientOrderId = failure.clientOrderId();
        return clientOrderId == null ? problem : new Problem(problem.type(), problem.title(), problem.status(),
                problem.detail(), problem.errorId(), problem.requestId(), clientOrderId, problem.violations());
    }

    public static String newErrorId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "err-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(1, 13);
    }

}
