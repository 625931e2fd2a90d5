package com.bensbot.trading.http;

import jakarta.ws.rs.core.Response;

/** Builds Jersey responses for problems; the one place where a problem becomes status, headers and body. */
public final class ProblemResponses {
    private final ProblemFactory problems;

    public ProblemResponses(ProblemFactory problems) {
        this.problems = problems;
    }

    public Response of(ProblemException failure) {
        return of(problems.create(failure), failure.retryAfterSeconds());
    }

    public Response of(Problem problem, long retryAfterSeconds) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        if (retryAfterSeconds > 0) {
            builder.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return builder.build();
    }

    public ProblemFactory problems() {
        return problems;
    }
}
