package com.bensbot.trading.broker;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a broker API root. The timeout bounds the whole exchange, body included: the future
 * completes only once the body has arrived, and a timed-out exchange is cancelled, which closes its connection.
 */
final class BrokerHttp {
    private static final Set<String> KEPT_HEADERS = Set.of("retry-after", "x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", "content-type");

    private final CloseableHttpAsyncClient client;
    private final URI root;
    private final String api;
    private final String apiKey;
    private final String secretKey;

    BrokerHttp(CloseableHttpAsyncClient client, URI root, String api, String apiKey, String secretKey) {
        this.client = client;
        this.root = root;
        this.api = api;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
    }

    BrokerResponse exchange(BrokerCall call, long timeoutMillis) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(call.method())
                .setUri(root.resolve(call.pathAndQuery()))
                .setHeader("Accept", "application/json");
        if (!apiKey.isEmpty()) {
            builder.setHeader("APCA-API-KEY-ID", apiKey).setHeader("APCA-API-SECRET-KEY", secretKey);
        }
        if (call.body() != null) {
            builder.setBody(call.body(), ContentType.APPLICATION_JSON);
        }
        SimpleHttpRequest request = builder.build();
        Future<SimpleHttpResponse> pending = client.execute(request, null);
        try {
            SimpleHttpResponse response = pending.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new BrokerResponse(response.getCode(), keptHeaders(response), response.getBodyBytes());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw BrokerTimeoutException.attempt(api, timeoutMillis);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw BrokerTimeoutException.budgetSpent(api, timeoutMillis);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), timeoutMillis);
        }
    }

    private static Map<String, String> keptHeaders(SimpleHttpResponse response) {
        Map<String, String> headers = new HashMap<>(8);
        for (Header header : response.getHeaders()) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (KEPT_HEADERS.contains(name)) {
                headers.putIfAbsent(name, header.getValue());
            }
        }
        return headers;
    }

    private BrokerException classify(Throwable cause, long timeoutMillis) {
        if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
            return BrokerUnavailableException.connectFailed(api, cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return BrokerTimeoutException.attempt(api, timeoutMillis);
        }
        if (cause instanceof IOException || cause instanceof HttpException) {
            return BrokerUnavailableException.connectionLost(api, cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("Unexpected failure of the " + api + " API exchange", cause);
    }
}
