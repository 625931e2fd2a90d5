package com.bensbot.trading.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds back a small response body so that something (an audit record) can be done after the handler ran but
 * before the client sees the answer. Only for small bodies: admin tasks' answers.
 */
public final class BufferingResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private final ServletOutputStream stream = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("A buffered response is written synchronously");
        }

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
        }
    };
    private PrintWriter writer;

    public BufferingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void setContentLength(int length) {
        // The length is set when the held-back body is released.
    }

    @Override
    public void setContentLengthLong(long length) {
        // As above.
    }

    /** Sends the held-back body to the client. */
    public void release() throws IOException {
        flushBuffer();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (!response.isCommitted()) {
            response.setContentLength(body.size());
        }
        body.writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
