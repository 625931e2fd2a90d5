package com.bensbot.trading.http;

import java.util.List;

/**
 * A failure that the client sees as one problem type. Thrown anywhere below the resources and mapped once
 * by {@link ProblemExceptionMapper}.
 */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final int status;
    private final long retryAfterSeconds;
    private final List<Violation> violations;

    public ProblemException(ProblemType type, String detail) {
        this(type, type.status(), detail, -1, null, null);
    }

    public ProblemException(ProblemType type, int status, String detail, long retryAfterSeconds,
                            List<Violation> violations, Throwable cause) {
        this(type, status, detail, retryAfterSeconds, violations, cause, true);
    }

    /**
     * {@code withStackTrace} false for an expected, frequent outcome that is never logged with its stack (a call
     * the open breaker refuses): capturing the stack of a deep request thread is most of its cost.
     */
    protected ProblemException(ProblemType type, int status, String detail, long retryAfterSeconds,
                               List<Violation> violations, Throwable cause, boolean withStackTrace) {
        super(detail, cause, true, withStackTrace);
        this.type = type;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.violations = violations == null ? null : List.copyOf(violations);
    }

    public static ProblemException invalidParameter(String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** Whole seconds for a {@code Retry-After} header, or -1 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The order a client must reconcile, for an order whose outcome is unknown; else null. */
    public String clientOrderId() {
        return null;
    }

    public List<Violation> violations() {
        return violations;
    }
}
