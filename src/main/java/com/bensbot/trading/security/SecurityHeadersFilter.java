package com.bensbot.trading.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code X-Content-Type-Options: nosniff} on every main-port response; {@code Cache-Control: no-store} on trading
 * and admin responses, which carry account data or operator actions no cache should keep.
 */
public final class SecurityHeadersFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (isPrivate(((HttpServletRequest) req).getRequestURI())) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(req, res);
    }

    static boolean isPrivate(String path) {
        return path.startsWith("/trading") || path.startsWith("/admin") || path.equals("/live/reset-circuit-breaker");
    }
}
