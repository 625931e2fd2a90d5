package com.bensbot.trading.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps every {@link ProblemException}, broker failures included, and logs it as {@link ProblemLog} says. */
public final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    private final ProblemResponses responses;

    public ProblemExceptionMapper(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Response toResponse(ProblemException failure) {
        Problem problem = responses.problems().create(failure);
        ProblemLog.answered(problem, failure);
        return responses.of(problem, failure.retryAfterSeconds());
    }
}
