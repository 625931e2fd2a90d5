package com.bensbot.trading.http;

import jakarta.servlet.RequestDispatcher;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/** The body Jetty writes for errors it produces itself (bad URI, 413, 431, unhandled servlet errors). */
public final class ProblemErrorPage {
    private final ProblemWriter writer;

    public ProblemErrorPage(ProblemWriter writer) {
        this.writer = writer;
    }

    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request, response);
        String requestId = response.getHeaders().get(RequestIds.HEADER);
        if (requestId == null) {
            requestId = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER));
        }
        Problem problem = problem(status, requestId);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.put(RequestIds.HEADER, requestId);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        String timing = ServerTiming.forRequest(request.getAttribute(ServerTiming.START_ATTRIBUTE));
        if (timing != null) {
            headers.put(ServerTiming.HEADER, timing);
        }
        if (status == 401) {
            headers.put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        response.write(true, ByteBuffer.wrap(writer.toBytes(problem)), callback);
        return true;
    }

    /** For messages so malformed that no request object exists (bad request line, headers too large). */
    public ByteBuffer badMessage(int status, HttpFields.Mutable fields) {
        String requestId = RequestIds.generate();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
        fields.put(new HttpField(RequestIds.HEADER, requestId));
        return ByteBuffer.wrap(writer.toBytes(problem(status, requestId)));
    }

    private Problem problem(int status, String requestId) {
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> "The request could not be understood (malformed URI, header or body)";
            case 404 -> "No such route";
            case 405 -> "This route does not answer that method";
            case 413 -> "The request body is too large";
            case 431 -> "The request headers are too large";
            default -> status >= 500 ? "The request failed" : "The request was refused";
        };
        return writer.problems().create(type, status, detail, null, requestId);
    }

    private static int status(Request request, Response response) {
        Object servletStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (servletStatus instanceof Integer code && code >= 400) {
            return code;
        }
        Object coreStatus = request.getAttribute(ErrorHandler.ERROR_STATUS);
        if (coreStatus instanceof Integer code && code >= 400) {
            return code;
        }
        return response.getStatus() >= 400 ? response.getStatus() : 500;
    }
}
