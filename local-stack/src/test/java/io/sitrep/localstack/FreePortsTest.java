package io.sitrep.localstack;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    /**
     * A system test's timeline-service failed to start eight times in a row because the port it was
     * given, taken from the kernel's ephemeral range, had become the local end of another process's
     * connection in the meantime.
     */
    @Test
    void handsOutDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> ports = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            ports.add(FreePorts.one());
        }

        assertThat(ports).hasSize(20).allSatisfy(port -> assertThat(port).isBetween(20_000, 32_767));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPairLeavesTheNeighbourFreeToo() throws Exception {
        int port = FreePorts.pair();

        try (ServerSocket first = new ServerSocket(port); ServerSocket second = new ServerSocket(port + 1)) {
            assertThat(second.getLocalPort()).isEqualTo(first.getLocalPort() + 1);
        }
    }
}
