package com.bensbot.trading.http;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors Jetty writes itself, before Jersey sees the request, are problem documents too (raw sockets). */
@ExtendWith(DropwizardExtensionsSupport.class)
class JettyErrorsIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record RawAnswer(int status, String head, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static RawAnswer raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawAnswer(status, head, body);
        }
    }

    @Test
    void oversizedHeadersAre431ProblemDocuments() throws IOException {
        RawAnswer answer = raw(APP.getLocalPort(), "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer.head()).containsIgnoringCase("x-request-id:");
        assertThat(answer.json().get("status").asInt()).isEqualTo(431);
        assertThat(answer.json().get("errorId").asText()).isNotBlank();
    }

    @Test
    void illegalPathEncodingIsA400ProblemDocumentOnBothPorts() throws IOException {
        for (int port : new int[]{APP.getLocalPort(), APP.getAdminPort()}) {
            RawAnswer answer = raw(port, "GET /live/quote/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/malformed-request");
            assertThat(answer.json().get("requestId").asText()).isNotBlank();
        }
    }

    @Test
    void garbageRequestLineIsAProblemDocument() throws IOException {
        RawAnswer answer = raw(APP.getLocalPort(), "BLAH\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
    }
}
