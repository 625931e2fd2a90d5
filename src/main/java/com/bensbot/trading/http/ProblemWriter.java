package com.bensbot.trading.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes problem documents where Jersey's mappers do not reach: servlet filters, admin tasks, Jetty itself. */
public final class ProblemWriter {
    private final ObjectMapper mapper;
    private final ProblemFactory problems;

    public ProblemWriter(ObjectMapper mapper, ProblemFactory problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    public ProblemFactory problems() {
        return problems;
    }

    public byte[] toBytes(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // A Problem is a record of strings and numbers; failing to write it is a programming error.
            throw new IllegalStateException("Cannot serialise a problem document", e);
        }
    }

    /** Writes {@code failure} as its problem document and logs it as {@link ProblemLog} says (a 5xx only). */
    public void write(HttpServletResponse response, ProblemException failure) throws IOException {
        Problem problem = problems.create(failure);
        ProblemLog.answered(problem, failure);
        write(response, problem, failure.retryAfterSeconds());
    }

    /** The same status, headers and media type as {@link ProblemResponses} gives Jersey (JSON is UTF-8: no charset). */
    public void write(HttpServletResponse response, Problem problem, long retryAfterSeconds) throws IOException {
        byte[] body = toBytes(problem);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
