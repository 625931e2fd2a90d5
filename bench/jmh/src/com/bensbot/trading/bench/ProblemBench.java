package com.bensbot.trading.bench;

import com.bensbot.trading.http.Problem;
import com.bensbot.trading.http.ProblemFactory;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import com.bensbot.trading.http.Violation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/** problem+json: building a problem (error ID, request ID) and writing it to bytes, as the fail-fast path does. */
@State(Scope.Benchmark)
public class ProblemBench {
    private static final List<Violation> VIOLATIONS = List.of(new Violation("qty", "must be greater than 0"),
            new Violation("limit_price", "is required for type limit"));

    private ProblemFactory factory;
    private ProblemWriter writer;

    @Setup
    public void build() {
        factory = new ProblemFactory(false);
        writer = new ProblemWriter(Bench.mapper(), factory);
    }

    @Benchmark
    public byte[] circuitOpen() {
        Problem problem = factory.create(ProblemType.CIRCUIT_OPEN, 503,
                "The circuit breaker for the data API is open", null);
        return writer.toBytes(problem);
    }

    @Benchmark
    public byte[] validationFailed() {
        Problem problem = factory.create(ProblemType.VALIDATION_FAILED, 422,
                "The order is not valid: qty must be greater than 0", VIOLATIONS);
        return writer.toBytes(problem);
    }
}
