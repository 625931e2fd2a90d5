package com.bensbot.trading.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jersey's own errors (unmatched route 404, 405, 406, 415, …) as problem documents. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);
    private final ProblemResponses responses;

    public WebApplicationExceptionMapper(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Response toResponse(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No such route";
            case 405 -> "This route does not answer that method";
            case 406 -> "This route answers application/json only";
            case 415 -> "Send the body as application/json";
            default -> status >= 500 ? "The request failed" : failure.getMessage();
        };
        Problem problem = responses.problems().create(type, status, detail, null);
        if (status >= 500) {
            LOG.error("{} from Jersey (errorId {})", status, problem.errorId(), failure);
        }
        Response response = responses.of(problem, -1);
        String allow = failure.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.getHeaders().putSingle("Allow", allow);
        }
        return response;
    }
}
