package com.bensbot.trading.http;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/** Context-level error handler: {@code sendError} and unhandled failures inside the servlet contexts. */
public final class ProblemServletErrorHandler extends ErrorHandler {
    private final ProblemErrorPage page;

    public ProblemServletErrorHandler(ProblemErrorPage page) {
        this.page = page;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        return page.handle(request, response, callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return page.badMessage(status, fields);
    }
}
