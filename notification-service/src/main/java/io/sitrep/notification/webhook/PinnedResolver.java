package io.sitrep.notification.webhook;

import io.sitrep.notification.target.TargetPolicy;
import io.sitrep.notification.target.TargetRefused;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The HTTP client's resolver: it resolves a receiver's host once, through the {@link TargetPolicy}, which
 * checks every address; the client then connects to those addresses and no others, while TLS still
 * names and verifies the host (SNI, certificate). A name that answers a public address to a check and
 * an internal one a moment later (DNS rebinding) cannot reach the internal one: there is no second lookup.
 */
final class PinnedResolver implements DnsResolver {

    private final TargetPolicy policy;

    PinnedResolver(TargetPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return policy.addresses(host).toArray(InetAddress[]::new);
        } catch (TargetRefused refused) {
            throw new Refused(refused);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return java.util.Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Never consulted for webhooks (no Kerberos); a second lookup is exactly what this class avoids.
        return host;
    }

    /** A refused target, as the client's resolver contract lets it fail. */
    static final class Refused extends UnknownHostException {

        private final TargetRefused refusal;

        Refused(TargetRefused refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        TargetRefused refusal() {
            return refusal;
        }
    }
}
