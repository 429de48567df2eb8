package io.sitrep.systemtests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Security hardening, operations: the services listened on every interface of the machine, with a printed API key. */
class LoopbackIT extends SystemTest {

    @Test
    void everyServiceAnswersOnLoopbackOnly() throws Exception {
        List<InetAddress> others = otherAddressesOfThisMachine();

        for (String service : List.of("incident", "notification", "timeline")) {
            String url = stack.url(service);
            int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));

            boolean onLoopback = accepts(InetAddress.getByName("127.0.0.1"), port);
            List<InetAddress> elsewhere = others.stream().filter(address -> accepts(address, port)).toList();

            assertThat(onLoopback).as(service + " on 127.0.0.1").isTrue();
            assertThat(elsewhere).as("addresses other than 127.0.0.1 where " + service + " answers").isEmpty();
        }
    }

    /** 127.0.0.2 (on Linux all of 127/8 is this machine, so a wildcard listener answers there) and the interfaces' addresses. */
    private static List<InetAddress> otherAddressesOfThisMachine() throws Exception {
        List<InetAddress> others = new ArrayList<>(List.of(InetAddress.getByName("127.0.0.2")));
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                Collections.list(network.getInetAddresses()).stream().filter(a -> !a.isLinkLocalAddress()).forEach(others::add);
            }
        }
        return others;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
