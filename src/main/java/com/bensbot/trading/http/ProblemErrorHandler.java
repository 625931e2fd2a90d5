package com.bensbot.trading.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/** Server-level error handler: errors Jetty raises before any context sees the request. */
public final class ProblemErrorHandler extends ErrorHandler {
    private final ProblemErrorPage page;

    public ProblemErrorHandler(ProblemErrorPage page) {
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
