package com.bensbot.trading.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {
    private static boolean matches(String cidr, String address) {
        return Cidr.parse(cidr).contains(IpAddress.parse(address));
    }

    @Test
    void ipv4Blocks() {
        assertThat(matches("10.0.0.0/8", "10.255.1.2")).isTrue();
        assertThat(matches("10.0.0.0/8", "11.0.0.1")).isFalse();
        assertThat(matches("192.168.4.0/22", "192.168.7.255")).isTrue();
        assertThat(matches("192.168.4.0/22", "192.168.8.0")).isFalse();
        assertThat(matches("172.16.0.0/12", "172.31.200.1")).isTrue();
        assertThat(matches("172.16.0.0/12", "172.32.0.1")).isFalse();
        assertThat(matches("203.0.113.7/32", "203.0.113.7")).isTrue();
        assertThat(matches("203.0.113.7/32", "203.0.113.8")).isFalse();
        assertThat(matches("203.0.113.7", "203.0.113.7")).isTrue();
        assertThat(matches("128.0.0.0/1", "200.1.1.1")).isTrue();
        assertThat(matches("128.0.0.0/1", "100.1.1.1")).isFalse();
    }

    @Test
    void slashZeroMatchesItsWholeFamilyOnly() {
        assertThat(matches("0.0.0.0/0", "1.2.3.4")).isTrue();
        assertThat(matches("0.0.0.0/0", "255.255.255.255")).isTrue();
        assertThat(matches("0.0.0.0/0", "2001:db8::1")).isFalse();
        assertThat(matches("::/0", "2001:db8::1")).isTrue();
        assertThat(matches("::/0", "1.2.3.4")).isFalse();
    }

    @Test
    void ipv6Blocks() {
        assertThat(matches("2001:db8::/32", "2001:db8:ffff::1")).isTrue();
        assertThat(matches("2001:db8::/32", "2001:db9::1")).isFalse();
        assertThat(matches("fd00::/8", "fdff:1::1")).isTrue();
        assertThat(matches("fd00::/8", "fe80::1")).isFalse();
        assertThat(matches("2001:db8::/33", "2001:db8:7fff::1")).isTrue();
        assertThat(matches("2001:db8::/33", "2001:db8:8000::1")).isFalse();
        assertThat(matches("::1/128", "::1")).isTrue();
        assertThat(matches("::1/128", "::2")).isFalse();
        assertThat(matches("2001:db8::1", "2001:db8::1")).isTrue();
    }

    @Test
    void hostBitsAreIgnored() {
        assertThat(matches("10.1.2.3/8", "10.9.9.9")).isTrue();
    }

    @Test
    void ipv4MappedPeersMatchIpv4Blocks() {
        assertThat(matches("10.0.0.0/8", "::ffff:10.0.0.1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8",
            "10.0.0/8", "garbage", "10.0.0.0/ 8", "10.0.0.0/a", "[::1]/64x", "10.0.0.0/0008"})
    void badInputIsRefused(String cidr) {
        assertThatThrownBy(() -> Cidr.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trustedProxiesMatchAnyBlock() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8::/48"));
        assertThat(proxies.contains(IpAddress.parse("10.1.1.1"))).isTrue();
        assertThat(proxies.contains(IpAddress.parse("2001:db8:0:1::5"))).isTrue();
        assertThat(proxies.contains(IpAddress.parse("192.0.2.1"))).isFalse();
        assertThat(TrustedProxies.parse(List.of()).isEmpty()).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/8", "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}
