package com.bensbot.trading.http;

import com.bensbot.trading.broker.BrokerException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every {@link ProblemException}, broker failures included. Broker outcomes log one WARN line, no stack. */
public final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);
    private final ProblemResponses responses;

    public ProblemExceptionMapper(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Response toResponse(ProblemException failure) {
        Problem problem = responses.problems().create(failure.type(), failure.status(), failure.detail(),
                failure.violations());
        if (failure.status() >= 500) {
            if (failure instanceof BrokerException) {
                LOG.warn("{} {}: {} (errorId {})", problem.status(), failure.type().uri(), failure.detail(),
                        problem.errorId());
            } else {
                LOG.error("{} {}: {} (errorId {})", problem.status(), failure.type().uri(), failure.detail(),
                        problem.errorId(), failure);
            }
        }
        return responses.of(problem, failure.retryAfterSeconds());
    }
}
