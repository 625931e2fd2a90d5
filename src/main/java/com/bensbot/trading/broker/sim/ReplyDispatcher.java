package com.bensbot.trading.broker.sim;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Writes answers, at once or after a delay. A delayed answer is written from the scheduler, so
 * latency and held-back answers tie up no request thread; answers still pending when the server
 * stops are dropped by aborting their connections.
 */
final class ReplyDispatcher extends AbstractLifeCycle {

    static final String CONTENT_TYPE = "application/json";

    /** The Jetty objects of one request, kept until its answer is written. */
    record Exchange(Request request, Response response, Callback callback) {
    }

    private final Scheduler scheduler;
    private final Set<PendingReply> pending = ConcurrentHashMap.newKeySet();

    ReplyDispatcher(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void send(Exchange exchange, Answer answer, Duration delay) {
        if (delay.isZero()) {
            write(exchange, answer);
            return;
        }
        PendingReply reply = new PendingReply(exchange, answer);
        pending.add(reply);
        if (!isRunning()) {
            reply.drop();
            return;
        }
        scheduler.schedule(reply::deliver, delay);
    }

    int held() {
        return pending.size();
    }

    @Override
    protected void doStop() throws Exception {
        List.copyOf(pending).forEach(PendingReply::drop);
        super.doStop();
    }

    static void write(Exchange exchange, Answer answer) {
        Response response = exchange.response();
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        answer.headers().forEach(headers::put);
        if (answer.body() == null) {
            response.write(true, BufferUtil.EMPTY_BUFFER, exchange.callback());
        } else {
            Content.Sink.write(response, true, answer.body(), exchange.callback());
        }
    }

    private final class PendingReply {
        private final Exchange exchange;
        private final Answer answer;
        private final AtomicBoolean finished = new AtomicBoolean();

        PendingReply(Exchange exchange, Answer answer) {
            this.exchange = exchange;
            this.answer = answer;
        }

        void deliver() {
            if (finish()) {
                write(exchange, answer);
            }
        }

        void drop() {
            if (finish()) {
                ConnectionAbort.abort(exchange.request(), exchange.callback(), "Alpaca simulator stopped");
            }
        }

        /** Only the first of deliver and drop may complete the exchange. */
        private boolean finish() {
            boolean first = finished.compareAndSet(false, true);
            if (first) {
                pending.remove(this);
            }
            return first;
        }
    }
}
