package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {
    private static OrderRequest order(String clientOrderId) {
        return new OrderRequest("AAPL", BigDecimal.ONE, null, "buy", "market", "day", null, null, clientOrderId);
    }

    @Test
    void headerWinsElseClientOrderIdElseNone() {
        assertThat(IdempotencyKeys.keyFor("k-1", order(null))).isEqualTo("k-1");
        assertThat(IdempotencyKeys.keyFor("k-1", order("k-1"))).isEqualTo("k-1");
        assertThat(IdempotencyKeys.keyFor(null, order("coid"))).isEqualTo("coid");
        assertThat(IdempotencyKeys.keyFor(null, order(null))).isNull();
    }

    @Test
    void differingHeaderAndClientOrderIdAreRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.keyFor("k-1", order("k-2")))
                .isInstanceOfSatisfying(OrderRefusedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED));
        assertThatThrownBy(() -> IdempotencyKeys.keyFor("bad key", order(null)))
                .isInstanceOfSatisfying(OrderRefusedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_PARAMETER));
    }

    @Test
    void brokerIdIsDerivedDeterministicallyFromTheKey() {
        String derived = IdempotencyKeys.brokerClientOrderId("key-1", order(null));
        assertThat(derived).isEqualTo(IdempotencyKeys.brokerClientOrderId("key-1", order(null)))
                .startsWith("bb-").hasSizeLessThanOrEqualTo(128);
        assertThat(IdempotencyKeys.brokerClientOrderId("key-2", order(null))).isNotEqualTo(derived);
        assertThat(IdempotencyKeys.brokerClientOrderId("k", order("mine"))).isEqualTo("mine");
        assertThat(IdempotencyKeys.brokerClientOrderId(null, order(null)))
                .isNotEqualTo(IdempotencyKeys.brokerClientOrderId(null, order(null)));
    }

    @Test
    void sameOrderSameHashDifferentOrderDifferentHash() {
        OrderRequest a = order(null);
        OrderRequest b = new OrderRequest("AAPL", new BigDecimal("1.000"), null, "buy", "market", "day", null, null,
                null);
        OrderRequest c = new OrderRequest("AAPL", new BigDecimal("2"), null, "buy", "market", "day", null, null, null);
        assertThat(IdempotencyKeys.requestHash(a)).isEqualTo(IdempotencyKeys.requestHash(b))
                .isNotEqualTo(IdempotencyKeys.requestHash(c));
    }
}
