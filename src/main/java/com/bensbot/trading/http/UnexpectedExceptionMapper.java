package com.bensbot.trading.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything no other mapper explains: 500 internal-error, one ERROR line with the error ID and the stack trace. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    private final ProblemResponses responses;

    public UnexpectedExceptionMapper(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = responses.problems().create(ProblemType.INTERNAL_ERROR, 500,
                "The request failed unexpectedly", null);
        LOG.error("Unexpected failure (errorId {})", problem.errorId(), failure);
        return responses.of(problem, -1);
    }
}
