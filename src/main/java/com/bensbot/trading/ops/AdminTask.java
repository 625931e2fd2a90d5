package com.bensbot.trading.ops;

import java.util.List;
import java.util.Map;

/** An operator command on the admin port, {@code POST /tasks/<name>}, answering JSON. */
public interface AdminTask {
    String name();

    /** Runs the command; returns the JSON answer or throws a ProblemException for bad parameters. */
    Object run(Map<String, List<String>> parameters);

    /**
     * The action of the one audit record {@link AdminTaskServlet} writes per call: {@code task.<name>}, unless the
     * task is an admin action that has a name of its own (e.g. {@code breaker.reset}). Tasks never append their
     * own record.
     */
    default String auditAction() {
        return "task." + name();
    }

    /** Client-visible facts about a successful call for its audit record (never a secret); none by default. */
    default Map<String, Object> auditDetails(Map<String, List<String>> parameters, Object answer) {
        return Map.of();
    }

    static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
