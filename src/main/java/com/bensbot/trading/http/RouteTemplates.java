package com.bensbot.trading.http;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.util.ArrayDeque;
import java.util.Deque;

/** The route template of a Jersey resource method: {@code /live/quote/{symbol}}, parameter patterns removed. */
final class RouteTemplates {
    private RouteTemplates() {
    }

    static String of(ResourceMethod method) {
        Deque<String> parts = new ArrayDeque<>();
        for (Resource resource = method.getParent(); resource != null; resource = resource.getParent()) {
            if (resource.getPath() != null) {
                parts.addFirst(resource.getPath());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    path.append('/').append(segment);
                }
            }
        }
        return path.length() == 0 ? "/" : withoutPatterns(path.toString());
    }

    /** {@code {symbol: [A-Z]+}} becomes {@code {symbol}}; a pattern may itself hold braces ({@code {1,3}}). */
    static String withoutPatterns(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 1;
            int j = i + 1;
            StringBuilder name = new StringBuilder();
            boolean inName = true;
            while (j < template.length() && depth > 0) {
                char d = template.charAt(j);
                if (d == '{') {
                    depth++;
                } else if (d == '}') {
                    depth--;
                } else if (d == ':' && depth == 1) {
                    inName = false;
                }
                if (depth > 0 && inName && d != ':') {
                    name.append(d);
                }
                j++;
            }
            out.append('{').append(name.toString().strip()).append('}');
            i = j;
        }
        return out.toString();
    }
}
