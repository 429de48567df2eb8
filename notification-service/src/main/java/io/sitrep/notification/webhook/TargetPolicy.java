package io.sitrep.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which webhook URLs may be called, against server-side request forgery. Checked when a
 * subscription is created and again before every attempt, after resolving the host, so that a
 * name that later resolves to an internal address is refused too.
 *
 * <ul>
 *   <li>Always refused: schemes other than http and https, user info in the URL, the unspecified
 *       address ({@code 0.0.0.0}, {@code ::}) and {@code 0.0.0.0/8}, link-local addresses
 *       ({@code 169.254.0.0/16}, {@code fe80::/10}) and with them the cloud metadata services
 *       ({@code 169.254.169.254}, {@code fd00:ec2::254}, {@code 100.100.100.200}), multicast and broadcast.</li>
 *   <li>Refused unless private targets are allowed (local development): loopback, the private
 *       ranges ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), shared address space
 *       ({@code 100.64/10}) and unique-local IPv6 ({@code fc00::/7}).</li>
 * </ul>
 *
 * <p>Every address a name resolves to must pass. The HTTP client resolves the name again when it
 * connects; a resolver that answers differently within that moment (DNS rebinding) is not caught
 * here; an egress proxy is the defence in depth for that (see the module README).
 */
public final class TargetPolicy {

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_URL_LENGTH = 2000;
    private static final Set<String> METADATA = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

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
            throw new TargetRefused("'" + url + "' is not a URL: " + e.getReason());
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
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefused("only http and https URLs are allowed, not '" + (scheme.isEmpty() ? uri : scheme + ":") + "'");
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
        return Arrays.asList(addresses);
    }

    /** Why an address is refused, or null when it is allowed. */
    String refusal(InetAddress address) {
        if (METADATA.contains(address.getHostAddress())) {
            return "a cloud metadata address, which is never allowed";
        }
        if (address.isAnyLocalAddress() || isThisNetwork(address)) {
            return "an unspecified address, which is never allowed";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address, which is never allowed";
        }
        if (address.isMulticastAddress() || isBroadcast(address)) {
            return "a multicast or broadcast address, which is never allowed";
        }
        if (!allowPrivate && (address.isLoopbackAddress() || address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedSpace(address))) {
            return "a loopback or private address, which this service is configured to refuse";
        }
        return null;
    }

    private static boolean isThisNetwork(InetAddress address) {
        return address instanceof Inet4Address && address.getAddress()[0] == 0;
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xFF;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    }

    private static boolean isSharedSpace(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
    }
}
