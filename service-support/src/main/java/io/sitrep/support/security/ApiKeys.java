package io.sitrep.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured API keys, looked up by the SHA-256 of the presented key. */
public final class ApiKeys {

    /** The name of the key given through {@code SITREP_API_KEY}. */
    public static final String BOOTSTRAP = "bootstrap";

    private final Map<String, ApiPrincipal> byHash = new HashMap<>();

    /**
     * @throws IllegalStateException when two keys share a name or a hash: names key rate limits and
     *                               idempotency, so they must be unique
     */
    public ApiKeys(SecuritySettings settings) {
        this(settings, Map.of());
    }

    /**
     * @param serviceKeys keys a service configures in settings of its own, by the hex SHA-256 of the key
     */
    public ApiKeys(SecuritySettings settings, Map<String, ApiPrincipal> serviceKeys) {
        serviceKeys.forEach((hash, principal) -> add(hash.toLowerCase(Locale.ROOT), principal));
        for (SecuritySettings.ApiKey key : settings.apiKeys()) {
            add(key.sha256().toLowerCase(Locale.ROOT), new ApiPrincipal(key.name(), key.scopes(), key.defaultComponent(), key.incidentVisibility(), null));
        }
        if (!settings.bootstrapKey().isBlank()) {
            add(sha256(settings.bootstrapKey().strip()), new ApiPrincipal(BOOTSTRAP, Set.of(ApiPrincipal.ADMIN)));
        }
    }

    private void add(String hash, ApiPrincipal principal) {
        if (byHash.values().stream().anyMatch(p -> p.name().equals(principal.name()))) {
            throw new IllegalStateException("two API keys are named '" + principal.name() + "'" +
                    (BOOTSTRAP.equals(principal.name()) ? " ('bootstrap' is the name of SITREP_API_KEY)" : ""));
        }
        if (byHash.putIfAbsent(hash, principal) != null) {
            throw new IllegalStateException("the API key '" + principal.name() + "' has the same hash as '" + byHash.get(hash).name() + "'");
        }
    }

    /** The principal whose key this is. */
    public Optional<ApiPrincipal> authenticate(String presentedKey) {
        return Optional.ofNullable(byHash.get(sha256(presentedKey)));
    }

    /** Whether some key may do everything. */
    public boolean hasAdmin() {
        return byHash.values().stream().anyMatch(p -> p.scopes().contains(ApiPrincipal.ADMIN));
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    /** The hex SHA-256 of a key, as configuration stores it. */
    public static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
