package com.bensbot.trading.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemFactoryTest {
    @Test
    void developmentKeepsTheDetail() {
        Problem problem = new ProblemFactory(false).create(ProblemType.BROKER_UNAVAILABLE, 502, "The data API answered 500",
                null, "req-1");
        assertThat(problem.type()).isEqualTo("/problems/broker-unavailable");
        assertThat(problem.title()).isEqualTo("Broker unavailable");
        assertThat(problem.detail()).isEqualTo("The data API answered 500");
        assertThat(problem.requestId()).isEqualTo("req-1");
        assertThat(problem.errorId()).startsWith("err-");
    }

    @Test
    void productionHidesServerErrorDetailsButNotClientErrors() {
        ProblemFactory production = new ProblemFactory(true);
        Problem server = production.create(ProblemType.INTERNAL_ERROR, 500, "NullPointerException in Foo.bar", null, "r");
        assertThat(server.detail()).doesNotContain("NullPointer").contains(server.errorId());
        Problem client = production.create(ProblemType.INVALID_PARAMETER, 400, "'limit' must be between 1 and 1000",
                null, "r");
        assertThat(client.detail()).isEqualTo("'limit' must be between 1 and 1000");
    }

    @Test
    void errorIdsDiffer() {
        ProblemFactory factory = new ProblemFactory(false);
        assertThat(factory.create(ProblemType.NOT_FOUND, 404, "x", null, "r").errorId())
                .isNotEqualTo(factory.create(ProblemType.NOT_FOUND, 404, "x", null, "r").errorId());
    }
}
