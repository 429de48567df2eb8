package io.sitrep.notification;

import io.sitrep.notification.target.TargetPolicy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's resolver in the tests: host names a test points at an address of its choice, and may point
 * elsewhere later (as a DNS change would); every other name resolves as the system resolves it.
 */
public final class TestNames implements TargetPolicy.Resolver {

    private final Map<String, InetAddress> names = new ConcurrentHashMap<>();

    /** From now on, {@code host} resolves to {@code address} (an IP literal). */
    public void point(String host, String address) {
        try {
            names.put(host.toLowerCase(Locale.ROOT), InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + address, e);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress pointed = names.get(host.toLowerCase(Locale.ROOT));
        return pointed != null ? new InetAddress[] {pointed} : InetAddress.getAllByName(host);
    }
}
