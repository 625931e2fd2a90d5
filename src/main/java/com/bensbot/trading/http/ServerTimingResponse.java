package com.bensbot.trading.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Adds {@code Server-Timing} just before the response commits: on the first body write, flush, close, error or
 * redirect. Headers can no longer change once the first bytes leave, so the duration is the time to the first
 * byte of the body.
 */
final class ServerTimingResponse extends HttpServletResponseWrapper {
    private final long startNanos;
    private boolean timed;
    private TimedOutputStream stream;

    ServerTimingResponse(HttpServletResponse response, long startNanos) {
        super(response);
        this.startNanos = startNanos;
    }

    /** Sets the header now unless it is set already or the response has been committed. */
    void stamp() {
        if (!timed) {
            timed = true;
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (!response.isCommitted()) {
                response.setHeader(ServerTiming.HEADER, ServerTiming.value(System.nanoTime() - startNanos));
            }
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new TimedOutputStream(super.getOutputStream());
        }
        return stream;
    }

    /** Writers are rare on this port; stamping when one is taken keeps them unwrapped. */
    @Override
    public PrintWriter getWriter() throws IOException {
        stamp();
        return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        stamp();
        super.flushBuffer();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        stamp();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        stamp();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        stamp();
        super.sendRedirect(location);
    }

    @Override
    public void reset() {
        super.reset();
        timed = false;
    }

    private final class TimedOutputStream extends ServletOutputStream {
        private final ServletOutputStream delegate;

        TimedOutputStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            stamp();
            delegate.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            stamp();
            delegate.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            stamp();
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            stamp();
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}
