package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself (an unparsable URI, a handler that threw) in Alpaca's
 * JSON shape instead of an HTML page.
 */
final class SimErrorHandler implements Request.Handler {

    private final ObjectMapper mapper;

    SimErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        String message = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String text && !text.isBlank()
                ? text
                : HttpStatus.getMessage(status);
        ObjectNode body = SimJson.object();
        body.put("code", status * 100_000);
        body.put("message", message.toLowerCase(Locale.ROOT));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ReplyDispatcher.CONTENT_TYPE);
        Content.Sink.write(response, true, mapper.writeValueAsString(body), callback);
        return true;
    }
}
