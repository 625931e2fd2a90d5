package com.bensbot.trading.ops;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves one {@link AdminTask} at {@code /tasks/<name>}. Unlike Dropwizard's task servlet it answers JSON and
 * problem documents with proper statuses, and never prints a stack trace to the caller.
 */
public final class AdminTaskServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTaskServlet.class);
    private final transient AdminTask task;
    private final transient ObjectMapper mapper;
    private final transient ProblemWriter problems;

    public AdminTaskServlet(AdminTask task, ObjectMapper mapper, ProblemWriter problems) {
        this.task = task;
        this.mapper = mapper;
        this.problems = problems;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        Object answer;
        try {
            answer = task.run(parameters);
        } catch (ProblemException e) {
            problems.write(response, e);
            return;
        }
        LOG.info("Admin task {} done", task.name());
        byte[] body = mapper.writeValueAsBytes(answer);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
            return;
        }
        response.setHeader("Allow", "POST");
        problems.write(response, new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "Admin tasks answer POST only"));
    }
}
