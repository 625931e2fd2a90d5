package com.bensbot.trading.ratelimit;

/** Sorts a request into its group (CONTRACT §8), or null for the routes that are never limited. */
public final class RouteClassifier {
    private final boolean adminPort;

    private RouteClassifier(boolean adminPort) {
        this.adminPort = adminPort;
    }

    /** The main port's table: trading, data, admin, default; {@code /health} and {@code /live/health} exempt. */
    public static RouteClassifier mainPort() {
        return new RouteClassifier(false);
    }

    /** The admin port, where the filter only sees {@code /tasks/*}: every task is an admin request. */
    public static RouteClassifier adminTasks() {
        return new RouteClassifier(true);
    }

    public RateGroup classify(String method, String path) {
        if (adminPort) {
            return RateGroup.ADMIN;
        }
        if (path.equals("/health") || path.equals("/live/health")) {
            return null;
        }
        if (method.equals("OPTIONS")) {
            return RateGroup.DEFAULT;
        }
        // Admin routes by path, whatever the method: probing them never earns a looser limit.
        if (path.equals("/live/reset-circuit-breaker") || path.equals("/admin") || path.startsWith("/admin/")) {
            return RateGroup.ADMIN;
        }
        // HEAD runs the GET resource, broker call included.
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/trading/")) {
            if (read) {
                return RateGroup.DATA;
            }
            return method.equals("POST") || method.equals("DELETE") ? RateGroup.TRADING : RateGroup.DEFAULT;
        }
        if (read && path.startsWith("/live/")) {
            return RateGroup.DATA;
        }
        return RateGroup.DEFAULT;
    }
}
