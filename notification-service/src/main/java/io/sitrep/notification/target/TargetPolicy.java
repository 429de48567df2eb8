package io.sitrep.notification.target;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook URLs may be called, against server-side request forgery. Checked when a
 * subscription is created, and when the sender connects: the addresses a name resolves to are
 * checked, and the connection is opened to exactly those (see {@link PinnedResolver}).
 *
 * <p>An allow-list, not a deny-list: an address must be global unicast.
 * <ul>
 *   <li>IPv4: everything but {@code 0/8}, {@code 10/8}, {@code 100.64/10}, {@code 127/8}, {@code 169.254/16},
 *       {@code 172.16/12}, {@code 192.0.0/24}, {@code 192.0.2/24}, {@code 192.88.99/24}, {@code 192.168/16},
 *       {@code 198.18/15}, {@code 198.51.100/24}, {@code 203.0.113/24}, {@code 224/4} and {@code 240/4}
 *       (with {@code 255.255.255.255}).</li>
 *   <li>IPv6: only {@code 2000::/3}, minus {@code 2001::/23} (IETF protocol assignments; Teredo excepted),
 *       {@code 2001:db8::/32} and {@code 3fff::/20} (documentation).</li>
 *   <li>An IPv6 address that carries an IPv4 address is judged by that address: IPv4-mapped
 *       ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}, and
 *       {@code 64:ff9b:1::/48} read at every prefix length RFC 6052 allows there), 6to4 ({@code 2002::/16})
 *       and Teredo ({@code 2001::/32}: its server, and its client, the inverted last 32 bits).</li>
 *   <li>Schemes other than http and https, and user info in the URL, are refused.</li>
 *   <li>Private targets may be allowed for local development: loopback ({@code 127/8}, {@code ::1}), the
 *       private ranges ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), shared address space
 *       ({@code 100.64/10}) and unique-local IPv6 ({@code fc00::/7}). The cloud metadata services
 *       ({@code 169.254.169.254}, {@code fd00:ec2::254}, {@code 100.100.100.200}) never are.</li>
 * </ul>
 */
public final class TargetPolicy {

    /** Resolves a host name to its addresses; the system resolver unless a test supplies another. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_URL_LENGTH = 2000;
    private static final String NEVER = ", which is never allowed";
    private static final String PRIVATE = "a loopback or private address, which this service is configured to refuse";

    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** With the system resolver. */
    public TargetPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /**
     * Parses and checks a URL as given by a subscriber.
     *
     * @throws TargetRefused with a reason for people
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new TargetRefused("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new TargetRefused("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // The reason only: the URL itself may carry a credential.
            throw new TargetRefused("this is not a URL: " + e.getReason());
        }
        check(uri);
        return uri;
    }

    /**
     * Checks a URL and the addresses its host resolves to now.
     *
     * @return the addresses
     * @throws TargetRefused with a reason for people
     */
    public List<InetAddress> check(URI uri) {
        return addresses(host(uri));
    }

    /**
     * Checks what can be checked of a URL without resolving it: scheme, user info and host.
     *
     * @return the host, without the brackets of an IPv6 literal
     * @throws TargetRefused with a reason for people
     */
    public String host(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefused("only http and https URLs are allowed" + (scheme.isEmpty() ? "" : ", not '" + scheme + ":'"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefused("the URL must not carry user info");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new TargetRefused("the URL has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    /**
     * Resolves a host once and checks every address it resolves to.
     *
     * @return the addresses, all allowed
     * @throws TargetRefused with a reason for people
     */
    public List<InetAddress> addresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new TargetRefused("the host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new TargetRefused("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null) {
                throw new TargetRefused(host + (host.equals(address.getHostAddress()) ? "" : " resolves to " + address.getHostAddress())
                        + ", " + reason);
            }
        }
        return List.of(addresses);
    }

    /** Why an address is refused, or null when it is allowed. */
    String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet6Address ? refusal6(b) : refusal4(b);
    }

    private String refusal4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && (b[3] & 0xFF) == 254) || (a0 == 100 && a1 == 100 && a2 == 100 && (b[3] & 0xFF) == 200)) {
            return "a cloud metadata address" + NEVER;
        }
        if (a0 == 0) {
            return "an unspecified address (0.0.0.0/8)" + NEVER;
        }
        if (a0 == 169 && a1 == 254) {
            return "a link-local address" + NEVER;
        }
        if (a0 >= 224) {
            return "a multicast, reserved or broadcast address" + NEVER;
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 192 && a1 == 88 && a2 == 99) || (a0 == 198 && (a1 & 0xFE) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return "a special-purpose address (protocol assignments, documentation, benchmarking or 6to4 relay)" + NEVER;
        }
        boolean local = a0 == 127 || a0 == 10 || (a0 == 172 && (a1 & 0xF0) == 16) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && (a1 & 0xC0) == 64);
        return local && !allowPrivate ? PRIVATE : null;
    }

    private String refusal6(byte[] b) {
        if (isZero(b, 0, 16)) {
            return "an unspecified address (::)" + NEVER;
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return allowPrivate ? null : PRIVATE;
        }
        if (isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return embedded("IPv4-mapped", b, 12);
        }
        if (isZero(b, 0, 12)) {
            return embedded("IPv4-compatible", b, 12);
        }
        int first = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int second = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (first == 0x0064 && second == 0xff9b) {
            int third = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
            if (third == 0 && isZero(b, 6, 12)) {
                return embedded("NAT64", b, 12);
            }
            if (third == 1) {
                // A local-use prefix: the operator picks its length, so every layout RFC 6052 allows under a /48 must pass.
                for (byte[] v4 : new byte[][] {{b[6], b[7], b[9], b[10]}, {b[7], b[9], b[10], b[11]}, {b[9], b[10], b[11], b[12]},
                        {b[12], b[13], b[14], b[15]}}) {
                    String reason = embedded("local-use NAT64", v4, 0);
                    if (reason != null) {
                        return reason;
                    }
                }
                return null;
            }
            return "a special-purpose address" + NEVER;
        }
        if ((b[0] & 0xFF) == 0xFF) {
            return "a multicast address" + NEVER;
        }
        if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) {
            return "a link-local address" + NEVER;
        }
        if ((b[0] & 0xFE) == 0xFC) {
            if (first == 0xfd00 && second == 0x0ec2 && isZero(b, 4, 14) && b[14] == 0x02 && (b[15] & 0xFF) == 0x54) {
                return "a cloud metadata address" + NEVER;
            }
            return allowPrivate ? null : PRIVATE;
        }
        if ((b[0] & 0xE0) != 0x20) {
            return "outside global unicast (2000::/3)" + NEVER;
        }
        if (first == 0x2002) {
            return embedded("6to4", b, 2);
        }
        if (first == 0x2001 && second == 0x0000) {
            String server = embedded("Teredo server", b, 4);
            if (server != null) {
                return server;
            }
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~b[12 + i];
            }
            return embedded("Teredo client", client, 0);
        }
        if (first == 0x2001 && (b[2] & 0xFE) == 0) {
            return "an IETF protocol assignment (2001::/23)" + NEVER;
        }
        if (first == 0x2001 && second == 0x0db8) {
            return "a documentation address (2001:db8::/32)" + NEVER;
        }
        if (first == 0x3fff && (b[2] & 0xF0) == 0) {
            return "a documentation address (3fff::/20)" + NEVER;
        }
        return null;
    }

    /** The refusal of the IPv4 address at {@code offset} of an IPv6 address, or null when it is allowed. */
    private String embedded(String form, byte[] b, int offset) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        String reason = refusal4(v4);
        if (reason == null) {
            return null;
        }
        String address;
        try {
            address = Inet4Address.getByAddress(v4).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
        return "a " + form + " address of " + address + ", " + reason;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
