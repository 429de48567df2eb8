package io.sitrep.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where a port can be reached from: a part bound to 127.0.0.1 answers there and nowhere else. */
final class Loopback {

    private Loopback() {
    }

    /** True when something accepts a connection on {@code address:port}. */
    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static InetAddress bound() {
        return address("127.0.0.1");
    }

    /**
     * Addresses of this machine other than 127.0.0.1: another loopback address (on Linux all of 127/8 is this
     * machine, so a part listening on every interface answers there) and the addresses of its network interfaces.
     */
    static List<InetAddress> others() {
        List<InetAddress> others = new ArrayList<>(List.of(address("127.0.0.2")));
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (network.isUp() && !network.isLoopback()) {
                    others.addAll(Collections.list(network.getInetAddresses()).stream()
                            .filter(a -> !a.isLinkLocalAddress()).toList());
                }
            }
        } catch (SocketException unlisted) {
            // 127.0.0.2 alone still tells a loopback binding from a wildcard one.
        }
        return others;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
