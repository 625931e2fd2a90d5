package com.bensbot.trading.security;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Jetty handlers in front of the main port's servlets: the request body size limit (413 problem documents via the
 * error handler) and CORS (CONTRACT §9) for the exact origins configured. Preflights are delivered on to the
 * filters so that they carry {@code X-Request-ID}.
 */
public final class BrowserAccess {
    static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");
    static final Set<String> ALLOWED_HEADERS = Set.of("Content-Type", "Authorization", "X-Admin-Token", "X-API-Key",
            "Idempotency-Key", "X-Request-ID");
    static final Set<String> EXPOSED_HEADERS = Set.of("Location", "Retry-After", "X-Request-ID", "X-Cache",
            "Server-Timing", "RateLimit", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset");

    private BrowserAccess() {
    }

    public static void install(ServletContextHandler context, CorsConfig cors, long maxBodyBytes) {
        context.insertHandler(new SizeLimitHandler(maxBodyBytes, -1));
        if (cors.origins().isEmpty()) {
            return;
        }
        CrossOriginHandler handler = new CrossOriginHandler();
        // Jetty reads origins as regular expressions: quote each so that only exact origins match.
        handler.setAllowedOriginPatterns(cors.allowsAnyOrigin() ? Set.of("*")
                : cors.origins().stream().map(Pattern::quote).collect(Collectors.toUnmodifiableSet()));
        handler.setAllowedMethods(METHODS);
        handler.setAllowedHeaders(ALLOWED_HEADERS);
        handler.setExposedHeaders(EXPOSED_HEADERS);
        handler.setAllowCredentials(false);
        handler.setDeliverPreflightRequests(true);
        context.insertHandler(handler);
    }
}
