package com.bensbot.trading.security;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps Dropwizard's {@code log-level} task away from the HTTP client's loggers: at DEBUG they print request
 * headers, the broker keys among them, so they stay OFF whatever an operator asks.
 */
public final class LogLevelGuard implements Filter {
    private static final List<String> PINNED = List.of("org.apache.hc", "jdk.internal.httpclient");
    private final ProblemWriter problems;

    public LogLevelGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String[] loggers = request.getParameterValues("logger");
        if (loggers != null) {
            for (String logger : loggers) {
                String name = logger == null ? "" : logger.trim().toLowerCase(Locale.ROOT);
                if (PINNED.stream().anyMatch(prefix -> name.startsWith(prefix) || prefix.startsWith(name + "."))) {
                    problems.write((HttpServletResponse) response, new ProblemException(ProblemType.FORBIDDEN,
                            "The HTTP client's loggers stay off: at DEBUG they would print the broker keys"));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
