package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP/1.1 client for the simulator's tests, as the gateway's client would talk to it. */
final class SimHttp {

    /** One answer: status, headers, and the body parsed as JSON (MissingNode when empty). */
    record Reply(int status, java.net.http.HttpHeaders headers, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final URI base;

    SimHttp(URI base) {
        this(base, newClient());
    }

    SimHttp(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    Reply delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE().build());
    }

    Reply post(String pathAndQuery, String json) {
        return send(request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Reply send(HttpRequest request) {
        try {
            return sendChecked(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply sendChecked(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), response.headers(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
