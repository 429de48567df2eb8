package io.sitrep.console.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per account and per client address over a sliding window: past either limit, further
 * attempts are refused without checking the password until old failures leave the window. A successful sign-in
 * clears the account's count. Kept in memory, bounded by the number of distinct names and addresses tried.
 */
public final class SignInAttempts {

    /** At most this many accounts and addresses are tracked; past it the oldest entries are dropped. */
    static final int MAX_TRACKED = 100_000;

    private final SignInSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    public SignInAttempts(SignInSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether an attempt for this account from this address may be checked now. */
    public boolean allowed(String username, String address) {
        return recent(byAccount, key(username)) < settings.maxFailuresPerAccount()
                && recent(byAddress, address) < settings.maxFailuresPerAddress();
    }

    public void failed(String username, String address) {
        record(byAccount, key(username));
        record(byAddress, address);
    }

    public void succeeded(String username) {
        byAccount.remove(key(username));
    }

    private void record(Map<String, Deque<Instant>> counts, String key) {
        if (counts.size() >= MAX_TRACKED) {
            counts.keySet().stream().findFirst().ifPresent(counts::remove);
        }
        Deque<Instant> failures = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            failures.addLast(clock.instant());
        }
    }

    private int recent(Map<String, Deque<Instant>> counts, String key) {
        Deque<Instant> failures = counts.get(key);
        if (failures == null) {
            return 0;
        }
        Instant since = clock.instant().minus(settings.failureWindow());
        synchronized (failures) {
            while (!failures.isEmpty() && failures.peekFirst().isBefore(since)) {
                failures.removeFirst();
            }
            return failures.size();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
