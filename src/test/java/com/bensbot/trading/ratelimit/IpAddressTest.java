package com.bensbot.trading.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "203.0.113.7", " 10.1.2.3 ", "\t8.8.8.8"})
    void acceptsIpv4(String text) throws UnknownHostException {
        assertThat(IpAddress.parse(text)).isEqualTo(InetAddress.getByName(text.strip()).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "fe80::1:2:3:4",
            "1:2:3:4:5:6:7:8", "1::8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "64:ff9b::192.0.2.33",
            "2001:db8:1:2:3:4:1.2.3.4"})
    void acceptsIpv6(String text) throws UnknownHostException {
        assertThat(IpAddress.parse(text)).isEqualTo(InetAddress.getByName(text).getAddress());
    }

    @Test
    void bracketsAndZonesAreAccepted() {
        assertThat(IpAddress.parse("[2001:db8::1]")).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(IpAddress.parse("fe80::1%eth0")).isEqualTo(IpAddress.parse("fe80::1"));
        assertThat(IpAddress.parse("[0:0:0:0:0:0:0:1]")).hasSize(16);
    }

    @Test
    void ipv4MappedIpv6IsIpv4() {
        assertThat(IpAddress.parse("::ffff:192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(IpAddress.parse("::ffff:c000:201")).containsExactly(192, 0, 2, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "unknown", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "01.2.3.4",
            "1.2.3.4:8080", "1..2.3", "1.2.3.4 5", "[1.2.3.4]", "[::1", "::1]", "[]", ":::", "1:::2", "1::2::3",
            ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", "1:2:3:4:5:6:7:8::",
            "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "example.com", "localhost", "%eth0", "<script>", "1.2.3.4\r\n"})
    void rejectsEverythingElse(String text) {
        assertThat(IpAddress.parse(text)).isNull();
    }

    @Test
    void longTextIsRejectedWithoutScanningIt() {
        assertThat(IpAddress.parse("1".repeat(100_000))).isNull();
    }

    @Test
    void ipv4KeyIsTheDottedAddress() {
        assertThat(IpAddress.clientKey(IpAddress.parse("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(IpAddress.clientKey(IpAddress.parse("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6KeyIsTheSlash64() {
        String key = IpAddress.clientKey(IpAddress.parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertThat(key).isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddress.clientKey(IpAddress.parse("2001:0DB8:0001:0002::1"))).isEqualTo(key);
        assertThat(IpAddress.clientKey(IpAddress.parse("2001:db8:1:3::1"))).isNotEqualTo(key);
        assertThat(IpAddress.clientKey(IpAddress.parse("::1"))).isEqualTo("0:0:0:0::/64");
    }
}
