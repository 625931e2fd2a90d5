package com.bensbot.trading.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaSimulatorFaultsTest {

    private static final String QUOTE = "/v2/stocks/AAPL/quotes/latest";

    private final AlpacaSimulator simulator = new AlpacaSimulator();
    private SimHttp http;

    @BeforeEach
    void start() {
        simulator.start();
        http = new SimHttp(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void errorFaultAnswers500ForExactlyCountRequests() {
        simulator.faults().set(SimFaults.Mode.ERROR, 2);

        SimHttp.Reply first = http.get(QUOTE);
        assertThat(simulator.faults().state()).isEqualTo(new SimFaults.State(SimFaults.Mode.ERROR, 1));
        SimHttp.Reply second = http.get("/v2/account");
        SimHttp.Reply third = http.get(QUOTE);

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.json().get("code").asInt()).isEqualTo(50000000);
        assertThat(first.json().get("message").asText()).isEqualTo("internal server error");
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
        assertThat(simulator.faults().state().mode()).isEqualTo(SimFaults.Mode.OFF);
    }

    @Test
    void faultWithoutCountLastsUntilTurnedOff() {
        simulator.faults().set(SimFaults.Mode.ERROR, 0);

        for (int i = 0; i < 3; i++) {
            assertThat(http.get(QUOTE).status()).isEqualTo(500);
        }
        assertThat(simulator.faults().state().unlimited()).isTrue();
        simulator.faults().off();

        assertThat(http.get(QUOTE).status()).isEqualTo(200);
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfter() {
        simulator.faults().set(SimFaults.Mode.RATE_LIMIT, 1);

        SimHttp.Reply limited = http.get("/v2/clock");
        SimHttp.Reply after = http.get("/v2/clock");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.header("X-Ratelimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-Ratelimit-Limit")).isEqualTo("200");
        assertThat(limited.json().get("message").asText()).isNotBlank();
        assertThat(after.status()).isEqualTo(200);
        assertThat(Integer.parseInt(after.header("X-Ratelimit-Remaining"))).isPositive();
    }

    @Test
    void resetFaultDropsTheConnection() {
        simulator.faults().set(SimFaults.Mode.RESET, 0);
        SimHttp fresh = new SimHttp(simulator.baseUri(), SimHttp.newClient());

        assertThatThrownBy(() -> fresh.sendChecked(fresh.request(QUOTE).GET().build()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> fresh.sendChecked(fresh.request("/v2/orders").POST(
                HttpRequest.BodyPublishers.ofString("{}")).build()))
                .isInstanceOf(IOException.class);

        simulator.faults().off();
        assertThat(fresh.get(QUOTE).status()).isEqualTo(200);
    }

    @Test
    void resetFaultWithCountOneFailsOneRequest() {
        simulator.faults().set(SimFaults.Mode.RESET, 1);
        // A POST, because the JDK client silently retries an idempotent GET once after a reset.
        HttpRequest submit = http.request("/v2/orders").POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThatThrownBy(() -> http.sendChecked(submit)).isInstanceOf(IOException.class);
        assertThat(simulator.faults().state().mode()).isEqualTo(SimFaults.Mode.OFF);
        assertThat(http.get(QUOTE).status()).isEqualTo(200);
    }

    @Test
    void timeoutFaultHoldsTheAnswerPastTheClientTimeout() {
        simulator.faults().set(SimFaults.Mode.TIMEOUT, 1);

        HttpRequest request = http.request(QUOTE).timeout(Duration.ofMillis(300)).GET().build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> http.sendChecked(request)).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SimFaults.TIMEOUT_HOLD);
        assertThat(http.get(QUOTE).status()).isEqualTo(200);
    }

    @Test
    void timedOutOrderIsStillPlacedSoItCanBeLookedUp() {
        simulator.faults().set(SimFaults.Mode.TIMEOUT, 1);
        String body = "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\",\"client_order_id\":\"held-1\"}";
        HttpRequest submit = http.request("/v2/orders").timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        assertThatThrownBy(() -> http.sendChecked(submit)).isInstanceOf(HttpTimeoutException.class);

        SimHttp.Reply lookup = http.get("/v2/orders:by_client_order_id?client_order_id=held-1");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("status").asText()).isEqualTo("filled");
    }

    @Test
    void stoppingDropsHeldAnswers() throws Exception {
        simulator.faults().set(SimFaults.Mode.TIMEOUT, 1);
        HttpClient client = SimHttp.newClient();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                HttpRequest.newBuilder(simulator.baseUri().resolve(QUOTE)).build(),
                HttpResponse.BodyHandlers.ofString());
        waitUntilHeld();

        simulator.stop();

        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void latencyDelaysEveryAnswer() {
        simulator.setLatency(Duration.ofMillis(300));

        long started = System.nanoTime();
        SimHttp.Reply reply = http.get(QUOTE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(simulator.latency()).isEqualTo(Duration.ofMillis(300));

        simulator.setLatency(Duration.ZERO);
        assertThat(http.get(QUOTE).status()).isEqualTo(200);
    }

    @Test
    void reportedRateLimitCanBeRaised() {
        assertThat(simulator.reportedRateLimit()).isEqualTo(200);
        simulator.setReportedRateLimit(1_000_000);

        SimHttp.Reply reply = http.get(QUOTE);

        assertThat(reply.header("X-Ratelimit-Limit")).isEqualTo("1000000");
        assertThat(Integer.parseInt(reply.header("X-Ratelimit-Remaining"))).isBetween(999_000, 999_999);
        assertThatThrownBy(() -> simulator.setReportedRateLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeLatencyIsRefused() {
        assertThatThrownBy(() -> simulator.setLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseUriIsLoopbackOnTheBoundPort() {
        assertThat(simulator.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(simulator.baseUri().getPort()).isPositive();
        assertThat(new AlpacaSimulator().isRunning()).isFalse();
        assertThatThrownBy(() -> new AlpacaSimulator().baseUri()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTakenPortFailsToStart() {
        AlpacaSimulator second = new AlpacaSimulator(simulator.baseUri().getPort());

        assertThatThrownBy(second::start).isInstanceOf(RuntimeException.class);
        second.stop();
    }

    private void waitUntilHeld() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.heldAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
