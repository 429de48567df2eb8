package io.sitrep.support.web;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8::/32"));

    @Test
    void theDirectPeerIsTheClientWhenItIsNoTrustedProxy() {
        assertThat(addresses.of("192.0.2.9", "198.51.100.1")).isEqualTo("192.0.2.9");
    }

    @Test
    void aTrustedProxyNamesTheClientInXForwardedForReadFromTheRight() {
        assertThat(addresses.of("10.1.2.3", "203.0.113.5, 198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
        assertThat(addresses.of("2001:db8::1", "198.51.100.2")).isEqualTo("198.51.100.2");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheProxyBeforeIt() {
        assertThat(addresses.of("10.1.2.3", "not-an-address")).isEqualTo("10.1.2.3");
        assertThat(addresses.of("10.1.2.3", "198.51.100.1, evil.example")).isEqualTo("10.1.2.3");
    }

    @Test
    void aChainOfTrustedProxiesOnlyEndsAtTheLeftmost() {
        assertThat(addresses.of("10.1.2.3", "10.0.0.7, 10.0.0.8")).isEqualTo("10.0.0.7");
    }

    @Test
    void blocksMatchByPrefix() {
        AddressBlock block = AddressBlock.parse("192.168.4.0/22");

        assertThat(block.contains(AddressBlock.address("192.168.7.255"))).isTrue();
        assertThat(block.contains(AddressBlock.address("192.168.8.0"))).isFalse();
        assertThat(block.contains(AddressBlock.address("::1"))).isFalse();
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedAtStartUp() {
        assertThatThrownBy(() -> AddressBlock.parse("proxy.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressBlock.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 15: a loopback proxy in front of the service; an IPv6 client is named in its canonical form. */
    @Test
    void behindALoopbackProxyAnIpv6ClientIsNamedCanonically() {
        ClientAddresses behindLoopback = new ClientAddresses(List.of("::1"));

        assertThat(behindLoopback.of("::1", "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    /** Issue 15: a forged entry between trusted proxies, or a control character, names no client. */
    @Test
    void anEntryThatIsNoAddressBetweenProxiesEndsTheWalkThere() {
        assertThat(addresses.of("10.0.0.2", "203.0.113.5, evil.example, 10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(addresses.of("10.0.0.2", "\u0000")).isEqualTo("10.0.0.2");
    }

    @Test
    void aHeaderOfMoreHopsThanAnyProxyChainNamesNoClientFromBeyondTheBound() {
        String many = String.join(", ", Collections.nCopies(30, "10.0.0.9"));

        assertThat(addresses.of("10.0.0.2", "198.51.100.1, " + many)).isEqualTo("10.0.0.2");
    }
}
