package io.sitrep.notification.selfservice;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the per-client limit counts the client, not a proxy, and not what a client claims to be. */
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "::1"));

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeaderSays() {
        assertThat(addresses.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedAddressIsTheClient() {
        assertThat(addresses.of("10.0.0.2", "198.51.100.9, 203.0.113.5, 10.0.0.1")).isEqualTo("203.0.113.5");
        assertThat(addresses.of("::1", "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheProxyBeforeIt() {
        assertThat(addresses.of("10.0.0.2", "203.0.113.5, evil.example, 10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(addresses.of("10.0.0.2", "\u0000")).isEqualTo("10.0.0.2");
    }
}
