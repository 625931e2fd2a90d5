package com.bensbot.trading.broker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a broker API root. The timeout bounds the whole exchange, body included: the future
 * completes only once the body has arrived, and a timed-out exchange is cancelled, which aborts its connection.
 */
final class BrokerHttp {
    private final HttpClient client;
    private final URI root;
    private final String api;
    private final String apiKey;
    private final String secretKey;

    BrokerHttp(HttpClient client, URI root, String api, String apiKey, String secretKey) {
        this.client = client;
        this.root = root;
        this.api = api;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
    }

    static HttpClient newClient(Duration connectTimeout) {
        // HTTP/1.1 pinned: the JDK client would otherwise try an h2c upgrade on every new connection.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    BrokerResponse exchange(BrokerCall call, long timeoutMillis) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(call.pathAndQuery()))
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Accept", "application/json");
        if (!apiKey.isEmpty()) {
            builder.header("APCA-API-KEY-ID", apiKey).header("APCA-API-SECRET-KEY", secretKey);
        }
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new BrokerResponse(response.statusCode(), response.headers(), response.body());
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

    private BrokerException classify(Throwable cause, long timeoutMillis) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return BrokerUnavailableException.connectFailed(api, cause);
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return BrokerTimeoutException.attempt(api, timeoutMillis);
        }
        if (cause instanceof IOException) {
            return BrokerUnavailableException.connectionLost(api, cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("Unexpected failure of the " + api + " API exchange", cause);
    }
}
