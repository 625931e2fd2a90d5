package com.bensbot.trading.docs;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Swagger UI at {@code /docs/}, served from the {@code org.webjars:swagger-ui} jar and pointed at
 * {@code /openapi.json}. Production answers 404 here (CONTRACT §3).
 */
public final class SwaggerUiServlet extends HttpServlet {
    static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.17.14/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png");
    private static final byte[] INITIALIZER = ("window.onload = function () {\n"
            + "  window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true,\n"
            + "    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'});\n"
            + "};\n").getBytes(StandardCharsets.UTF_8);

    private final transient ProblemWriter problems;
    private final boolean enabled;

    public SwaggerUiServlet(ProblemWriter problems, boolean enabled) {
        this.problems = problems;
        this.enabled = enabled;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            problems.write(response, new ProblemException(ProblemType.NOT_FOUND, "No such route"));
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect("/docs/");
            return;
        }
        String file = path.equals("/") ? "index.html" : path.substring(1);
        if (file.equals("swagger-initializer.js")) {
            write(response, "js", INITIALIZER);
            return;
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        if (!file.matches("[A-Za-z0-9._-]+") || !TYPES.containsKey(extension)) {
            problems.write(response, new ProblemException(ProblemType.NOT_FOUND, "No such file"));
            return;
        }
        try (InputStream in = SwaggerUiServlet.class.getClassLoader().getResourceAsStream(WEBJAR + file)) {
            if (in == null) {
                problems.write(response, new ProblemException(ProblemType.NOT_FOUND, "No such file"));
                return;
            }
            write(response, extension, in.readAllBytes());
        }
    }

    private static void write(HttpServletResponse response, String extension, byte[] body) throws IOException {
        response.setContentType(TYPES.get(extension));
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getOutputStream().write(body);
    }
}
