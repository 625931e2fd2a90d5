package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.CacheResult;
import com.bensbot.trading.broker.Priced;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PricedJsonTest {
    record Price(String symbol, String value) {
    }

    record Body(String symbol, Price price, boolean stale) {
    }

    private final PricedJson<Price> bodies = new PricedJson<>(new ObjectMapper(), 2);

    private byte[] json(String symbol, Priced<Price> priced) {
        return bodies.json(symbol, priced, p -> new Body(symbol, p.value(), p.stale()));
    }

    @Test
    void theSameCachedValueReusesItsBytes() {
        Price price = new Price("AAPL", "1.5");

        byte[] first = json("AAPL", new Priced<>(price, CacheResult.MISS));
        byte[] hit = json("AAPL", new Priced<>(price, CacheResult.HIT));

        assertThat(hit).isSameAs(first);
        assertThat(new String(hit, StandardCharsets.UTF_8))
                .isEqualTo("{\"symbol\":\"AAPL\",\"price\":{\"symbol\":\"AAPL\",\"value\":\"1.5\"},\"stale\":false}");
    }

    @Test
    void aNewValueOrAStaleAnswerIsWrittenAgain() {
        Price old = new Price("AAPL", "1.5");
        byte[] fresh = json("AAPL", new Priced<>(old, CacheResult.HIT));

        byte[] stale = json("AAPL", new Priced<>(old, CacheResult.STALE));
        byte[] next = json("AAPL", new Priced<>(new Price("AAPL", "1.5"), CacheResult.MISS));

        assertThat(new String(stale, StandardCharsets.UTF_8)).endsWith("\"stale\":true}");
        assertThat(next).isNotSameAs(fresh).isEqualTo(fresh);
    }

    @Test
    void keepsAtMostMaxSymbolsBodies() {
        Price a = new Price("A", "1");
        byte[] first = json("A", new Priced<>(a, CacheResult.HIT));
        json("B", new Priced<>(new Price("B", "1"), CacheResult.HIT));
        json("C", new Priced<>(new Price("C", "1"), CacheResult.HIT));

        assertThat(json("A", new Priced<>(a, CacheResult.HIT))).isNotSameAs(first);
    }
}
