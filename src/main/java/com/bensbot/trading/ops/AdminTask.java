package com.bensbot.trading.ops;

import java.util.List;
import java.util.Map;

/** An operator command on the admin port, {@code POST /tasks/<name>}, answering JSON. */
public interface AdminTask {
    String name();

    /** Runs the command; returns the JSON answer or throws a ProblemException for bad parameters. */
    Object run(Map<String, List<String>> parameters);

    static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
