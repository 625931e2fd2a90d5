package com.bensbot.trading.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A body that is not JSON, or a JSON value of the wrong type: 400 malformed-request, without parser internals. */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonProcessingExceptionMapper.class);
    private final ProblemResponses responses;

    public JsonProcessingExceptionMapper(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Response toResponse(JsonProcessingException failure) {
        if (failure instanceof InvalidDefinitionException) {
            // Our own type could not be (de)serialised: a server bug, not the client's fault.
            Problem problem = responses.problems().create(ProblemType.INTERNAL_ERROR, 500, "The request failed", null);
            LOG.error("Jackson cannot handle a gateway type (errorId {})", problem.errorId(), failure);
            return responses.of(problem, -1);
        }
        String where = failure.getLocation() == null ? ""
                : " at line " + failure.getLocation().getLineNr() + ", column " + failure.getLocation().getColumnNr();
        return responses.of(responses.problems().create(ProblemType.MALFORMED_REQUEST, 400,
                "The body is not valid JSON of the expected shape" + where, null), -1);
    }
}
