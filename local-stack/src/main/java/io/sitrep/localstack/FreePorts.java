package io.sitrep.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nothing listens on right now, for stacks started by tests.
 *
 * <p>They are chosen below the kernel's ephemeral range: a port the kernel handed out with
 * {@code new ServerSocket(0)} comes from that range, so a moment later it may become the local end of
 * any outgoing connection (a service's connection to the broker or the database), and the service
 * meant to listen on it then fails to start, again and again, for as long as that connection lives.
 */
final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int one() {
        int highest = ephemeralRangeStart() - 1;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest);
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + highest);
    }

    /** A port whose neighbour is free too: the broker listens on the first, its controller on the second. */
    static synchronized int pair() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = one();
            if (!HANDED_OUT.contains(port + 1) && free(port + 1)) {
                HANDED_OUT.add(port + 1);
                return port;
            }
        }
        throw new IllegalStateException("no two neighbouring free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket any = new ServerSocket(); ServerSocket loopback = new ServerSocket()) {
            any.bind(new InetSocketAddress(port));
            any.close();
            loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range, or the usual 32768 where it cannot be read. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }
}
