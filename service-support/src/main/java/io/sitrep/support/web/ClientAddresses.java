package io.sitrep.support.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which address a request comes from, for per-client limits (public subscriptions, live streams): the
 * direct peer, unless the peer is a trusted proxy; then the nearest address in {@code X-Forwarded-For} that is not a
 * trusted proxy itself (read from the right, as each proxy appends the address it saw). An entry that is not an IP
 * literal ends the walk at the proxy before it: a client cannot choose its address by forging the header.
 */
public final class ClientAddresses {

    /** Entries past this many are not looked at: a proxy chain is never this long. */
    private static final int MAX_HOPS = 20;

    private final List<AddressBlock> trustedProxies;

    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(AddressBlock::parse).toList();
    }

    /** The client of a request from {@code peer} with this {@code X-Forwarded-For} header (null for none). */
    public String of(String peer, String forwardedFor) {
        String client = canonical(peer);
        if (forwardedFor == null || !trusted(AddressBlock.address(peer))) {
            return client;
        }
        String[] hops = forwardedFor.split(",", MAX_HOPS + 1);
        for (int i = hops.length - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            byte[] hop = AddressBlock.address(hops[i]);
            if (hop == null) {
                return client;
            }
            client = canonical(hop);
            if (!trusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(byte[] address) {
        return address != null && trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    private static String canonical(String address) {
        byte[] bytes = AddressBlock.address(address);
        return bytes == null ? String.valueOf(address) : canonical(bytes);
    }

    private static String canonical(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
