package com.bensbot.trading.ops;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.http.Problem;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import com.bensbot.trading.store.StorageUnavailableException;
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
 * problem documents with proper statuses, and never prints a stack trace to the caller. Every call leaves exactly
 * one audit record ({@link AdminTask#auditAction()}), written before the answer: {@code ok}, {@code rejected}
 * (4xx) or {@code failed}. A task that ran but whose record cannot be written answers 503 storage-unavailable.
 */
public final class AdminTaskServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTaskServlet.class);
    private final transient AdminTask task;
    private final transient ObjectMapper mapper;
    private final transient ProblemWriter problems;
    private final transient AuditLog auditLog;

    public AdminTaskServlet(AdminTask task, ObjectMapper mapper, ProblemWriter problems, AuditLog auditLog) {
        this.task = task;
        this.mapper = mapper;
        this.problems = problems;
        this.auditLog = auditLog;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        boolean audited = false;
        try {
            Object answer;
            try {
                answer = task.run(parameters);
            } catch (ProblemException e) {
                audited = true;
                auditLog.appendOrLog(entry(request, e.status() >= 500 ? "failed" : "rejected",
                        Map.of("problem", e.type().uri())));
                problems.write(response, e);
                return;
            }
            Map<String, Object> details = task.auditDetails(parameters, answer);
            audited = true;
            if (!recordSuccess(request, response, details)) {
                return;
            }
            LOG.info("Admin task {} done", task.name());
            byte[] body = mapper.writeValueAsBytes(answer);
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } finally {
            if (!audited) {
                // The task failed unexpectedly and the container answers 500; the call still goes on record.
                auditLog.appendOrLog(entry(request, "failed", Map.of("problem", ProblemType.INTERNAL_ERROR.uri())));
            }
        }
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

    /** Appends the success record; when the store cannot write it, answers 503 and returns false. */
    private boolean recordSuccess(HttpServletRequest request, HttpServletResponse response,
                                  Map<String, Object> details) throws IOException {
        try {
            auditLog.append(entry(request, "ok", details));
            return true;
        } catch (StorageUnavailableException e) {
            String detail = "Task " + task.name() + " was carried out, but its audit record could not be written";
            Problem problem = problems.problems().create(e.type(), e.status(), detail, null);
            LOG.error("{} (errorId {})", detail, problem.errorId(), e);
            problems.write(response, problem, -1);
            return false;
        }
    }

    private AuditEntry entry(HttpServletRequest request, String outcome, Map<String, Object> details) {
        Map<String, Object> withRoute = new LinkedHashMap<>(details);
        withRoute.put("route", "/tasks/" + task.name());
        return AuditEntry.of(request, task.auditAction(), outcome, withRoute);
    }
}
