package com.bensbot.trading.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdentityTest {
    private final ClientIdentity behindProxies = new ClientIdentity(
            TrustedProxies.parse(List.of("10.0.0.0/8", "127.0.0.1/32", "fd00::/8")));
    private final ClientIdentity direct = new ClientIdentity(TrustedProxies.parse(List.of()));

    private String client(ClientIdentity identity, String peer, String... forwardedFor) {
        return identity.clientIp(peer, List.of(forwardedFor));
    }

    @Test
    void untrustedPeerIsTheClientWhateverItForwards() {
        assertThat(client(behindProxies, "203.0.113.9", "1.1.1.1")).isEqualTo("203.0.113.9");
        assertThat(client(direct, "127.0.0.1", "1.1.1.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void trustedPeerWithoutHeaderIsTheClient() {
        assertThat(client(behindProxies, "10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void walksRightToLeftToTheFirstUntrustedHop() {
        assertThat(client(behindProxies, "10.0.0.5", "203.0.113.1")).isEqualTo("203.0.113.1");
        assertThat(client(behindProxies, "10.0.0.5", "198.51.100.1, 203.0.113.1, 10.0.0.9"))
                .isEqualTo("203.0.113.1");
        // The left-most entries are whatever the client claimed: never believed past an untrusted hop.
        assertThat(client(behindProxies, "127.0.0.1", "10.0.0.1, 203.0.113.1")).isEqualTo("203.0.113.1");
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertThat(client(behindProxies, "10.0.0.5", "198.51.100.1", "203.0.113.1, 10.0.0.7"))
                .isEqualTo("203.0.113.1");
        assertThat(client(behindProxies, "10.0.0.5", "198.51.100.1", "10.0.0.7")).isEqualTo("198.51.100.1");
    }

    @Test
    void allHopsTrustedLeavesTheLeftMost() {
        assertThat(client(behindProxies, "10.0.0.5", "10.0.0.1, 10.0.0.2")).isEqualTo("10.0.0.1");
    }

    @Test
    void malformedHopEndsTheWalkAtTheLastTrusted() {
        assertThat(client(behindProxies, "10.0.0.5", "garbage")).isEqualTo("10.0.0.5");
        assertThat(client(behindProxies, "10.0.0.5", "203.0.113.1, garbage, 10.0.0.6")).isEqualTo("10.0.0.6");
        assertThat(client(behindProxies, "10.0.0.5", "")).isEqualTo("10.0.0.5");
        assertThat(client(behindProxies, "10.0.0.5", "203.0.113.1,")).isEqualTo("10.0.0.5");
        assertThat(client(behindProxies, "10.0.0.5", "203.0.113.1:4711")).isEqualTo("10.0.0.5");
        assertThat(client(behindProxies, "10.0.0.5", "\r\n1.2.3.4")).isEqualTo("10.0.0.5");
    }

    @Test
    void bracketedIpv6HopsAreAddresses() {
        assertThat(client(behindProxies, "10.0.0.5", "[2001:db8:1:2::7]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(client(behindProxies, "10.0.0.5", "[2001:db8::1")).isEqualTo("10.0.0.5");
    }

    @Test
    void thousandHopsStopAtTheFirstUntrusted() {
        String hops = String.join(",", java.util.Collections.nCopies(1000, "198.51.100.1")) + ", 203.0.113.1";
        assertThat(client(behindProxies, "10.0.0.5", hops)).isEqualTo("203.0.113.1");
        String trustedHops = String.join(",", java.util.Collections.nCopies(1000, "10.0.0.1"));
        assertThat(client(behindProxies, "10.0.0.5", trustedHops)).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        assertThat(client(direct, "2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(client(direct, "[2001:db8:1:2:ffff::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(client(behindProxies, "fd00::1", "2001:db8:1:2::99")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void unparsablePeerIsUsedAsIs() {
        assertThat(client(direct, "unix-socket")).isEqualTo("unix-socket");
    }
}
