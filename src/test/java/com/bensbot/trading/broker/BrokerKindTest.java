package com.bensbot.trading.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

public class BrokerKindTest {
    /** Every spelling of Alpaca's live API that an operator might write; all of them reach real money. */
    static final List<String> LIVE_SPELLINGS = List.of(
            "https://api.alpaca.markets",
            "https://api.alpaca.markets/",
            "https://api.alpaca.markets/v2",
            "https://api.alpaca.markets/v2/",
            "https://api.alpaca.markets:443",
            "https://api.alpaca.markets:443/v2",
            "https://API.Alpaca.Markets",
            "HTTPS://API.ALPACA.MARKETS",
            "https://api.alpaca.markets.",
            "https://api.alpaca.markets./v2",
            "http://api.alpaca.markets",
            "https://x@api.alpaca.markets",
            "https://user:pw@api.alpaca.markets:8443/v2",
            "  https://api.alpaca.markets  ",
            "https://api.alpaca.markets?x=1",
            "https://api.alpaca.markets#fragment");

    /** For {@code @MethodSource}, here and in the preflight's tests. */
    public static Stream<String> liveSpellings() {
        return LIVE_SPELLINGS.stream();
    }

    @ParameterizedTest
    @MethodSource("liveSpellings")
    void everySpellingOfTheLiveHostIsLive(String url) {
        assertThat(BrokerKind.of(url)).isEqualTo(BrokerKind.ALPACA_LIVE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sim                                      | SIMULATOR
            SIM                                      | SIMULATOR
            ' sim '                                  | SIMULATOR
            https://paper-api.alpaca.markets         | ALPACA_PAPER
            https://paper-api.alpaca.markets/v2/     | ALPACA_PAPER
            HTTPS://PAPER-API.ALPACA.MARKETS.:443    | ALPACA_PAPER
            http://paper-api.alpaca.markets          | ALPACA_PAPER
            http://127.0.0.1:8089                    | LOOPBACK
            http://127.0.0.2:8089/v2                 | LOOPBACK
            http://127.255.255.254                   | LOOPBACK
            http://localhost:8089                    | LOOPBACK
            http://LOCALHOST.:8089                   | LOOPBACK
            http://[::1]:8089                        | LOOPBACK
            http://[0:0:0:0:0:0:0:1]:8089            | LOOPBACK
            http://[::ffff:127.0.0.1]:8089           | LOOPBACK
            https://api.alpaca.markets.evil.com      | OTHER
            https://evil.com/api.alpaca.markets      | OTHER
            https://api.alpaca.markets@evil.com      | OTHER
            https://evil.com#@api.alpaca.markets     | OTHER
            https://xapi.alpaca.markets              | OTHER
            https://data.alpaca.markets              | OTHER
            https://broker-proxy.internal:8443       | OTHER
            http://128.0.0.1                         | OTHER
            http://127.0.0.1.nip.io                  | OTHER
            http://localhost.evil.com                | OTHER
            http://127.0.0.300                       | OTHER
            http://2130706433                        | OTHER
            http://[::2]                             | OTHER
            http://10.0.0.5:8080                     | OTHER
            not a url                                | OTHER
            api.alpaca.markets                       | OTHER
            ''                                       | OTHER
            """)
    void classifiesByTheParsedHost(String url, BrokerKind kind) {
        assertThat(BrokerKind.of(url)).isEqualTo(kind);
    }

    @Test
    void nullIsOther() {
        assertThat(BrokerKind.of(null)).isEqualTo(BrokerKind.OTHER);
    }

    @Test
    void onlyTheUrlsThatCannotReachRealMoneyNeedNoAccountCheck() {
        assertThat(BrokerKind.SIMULATOR.isPaperByUrl()).isTrue();
        assertThat(BrokerKind.ALPACA_PAPER.isPaperByUrl()).isTrue();
        assertThat(BrokerKind.LOOPBACK.isPaperByUrl()).isTrue();
        assertThat(BrokerKind.ALPACA_LIVE.isPaperByUrl()).isFalse();
        assertThat(BrokerKind.OTHER.isPaperByUrl()).isFalse();
    }

    @Test
    void theHostIsNormalisedAndNeverCarriesUserInfo() {
        assertThat(BrokerKind.host("HTTPS://user:secret@API.Alpaca.Markets.:443/v2")).hasValue("api.alpaca.markets");
        assertThat(BrokerKind.host("http://[::1]:8080")).hasValue("[::1]");
        assertThat(BrokerKind.host("sim")).isEmpty();
        assertThat(BrokerKind.host("http://./")).isEmpty();
    }
}
