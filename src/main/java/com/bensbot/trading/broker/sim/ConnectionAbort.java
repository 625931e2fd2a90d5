package com.bensbot.trading.broker.sim;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/** Drops a request's connection without answering, the way a crashed peer or a middlebox would. */
final class ConnectionAbort {

    private ConnectionAbort() {
    }

    static void abort(Request request, Callback callback, String reason) {
        IOException cause = new IOException(reason);
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint.getTransport() instanceof SocketChannel channel && channel.isOpen()) {
            try {
                // A zero linger turns the close into a TCP RST: the client sees "connection reset".
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        endPoint.close(cause);
        callback.failed(cause);
    }
}
