package com.bensbot.trading.livedata;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Enumeration;

/**
 * The requests that the answers given before Jersey ({@link CachedPriceFilter}, {@link OpenBreakerFilter}) may take:
 * a GET without a Content-Type (Jersey parses one even on a GET and refuses a malformed one) and with at most one
 * Accept line under which Jersey would pick JSON. Anything else goes to Jersey, whose negotiation gives its own
 * 400 or 406.
 */
final class PlainJsonGet {
    private PlainJsonGet() {
    }

    static boolean accepts(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Content-Type") != null) {
            return false;
        }
        Enumeration<String> accepts = request.getHeaders("Accept");
        if (accepts == null || !accepts.hasMoreElements()) {
            return true;
        }
        String accept = accepts.nextElement();
        return !accepts.hasMoreElements() && acceptsJson(accept);
    }

    /**
     * True for no Accept header and for a plain list of well-formed media ranges, without parameters, holding one
     * under which Jersey picks JSON here: {@code application/json}, {@code application/*} or {@code *}{@code /*}.
     * Weights, malformed ranges and anything unusual go to Jersey's own negotiation.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        boolean json = false;
        for (String range : accept.split(",", -1)) {
            String type = range.trim();
            if (!isMediaRange(type)) {
                return false;
            }
            json |= type.equalsIgnoreCase("application/json") || type.equals("application/*") || type.equals("*/*");
        }
        return json;
    }

    /** {@code type/subtype} of RFC 9110 token characters, without parameters. */
    private static boolean isMediaRange(String range) {
        int slash = range.indexOf('/');
        return slash > 0 && slash < range.length() - 1 && isToken(range, 0, slash)
                && isToken(range, slash + 1, range.length());
    }

    private static boolean isToken(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
