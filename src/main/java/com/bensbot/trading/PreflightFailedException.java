package com.bensbot.trading;

import java.util.List;

/** The preflight found problems; the service must not start. Its message lists them, one per line. */
public final class PreflightFailedException extends RuntimeException {
    public PreflightFailedException(List<String> problems) {
        super("Refusing to start: " + problems.size() + " preflight problem(s):\n  " + String.join("\n  ", problems));
    }
}
