package io.sitrep.timeline.security;

import io.sitrep.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the bearer key: the admin key for {@code /api/v1/admin/**}; a read key (or the admin key)
 * for everything else but the actuator when reads are not public. Keys are compared by their SHA-256.
 */
class AccessFilter extends OncePerRequestFilter {

    static final String ADMIN_PATH = "/api/v1/admin/";

    private final Set<String> adminHashes = new HashSet<>();
    private final Set<String> readHashes = new HashSet<>();
    private final boolean publicReads;
    private final ProblemWriter problems;

    AccessFilter(AccessSettings settings, ProblemWriter problems) {
        this.problems = problems;
        this.publicReads = settings.publicReads();
        if (!settings.adminKeySha256().isBlank()) {
            adminHashes.add(settings.adminKeySha256().toLowerCase(Locale.ROOT));
        }
        if (!settings.adminKey().isBlank()) {
            adminHashes.add(sha256(settings.adminKey().strip()));
        }
        settings.readKeysSha256().forEach(hash -> readHashes.add(hash.toLowerCase(Locale.ROOT)));
        readHashes.addAll(adminHashes);
    }

    boolean adminConfigured() {
        return !adminHashes.isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean admin = path.startsWith(ADMIN_PATH) || path.equals(ADMIN_PATH.substring(0, ADMIN_PATH.length() - 1));
        if (!admin && (publicReads || path.startsWith("/actuator"))) {
            chain.doFilter(request, response);
            return;
        }
        if (admin && adminHashes.isEmpty()) {
            problems.write(request, response, 403, "admin-disabled", "No admin key is configured",
                    "Set sitrep.timeline.admin-key-sha256, or SITREP_ADMIN_KEY in the environment, to use the admin API.");
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\"");
            problems.write(request, response, 401, "unauthenticated", "Authentication required",
                    "Send the key as 'Authorization: Bearer <key>'.");
            return;
        }
        String hash = sha256(header.substring(7).strip());
        if (!(admin ? adminHashes : readHashes).contains(hash)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\", error=\"invalid_token\"");
            problems.write(request, response, 401, "invalid-api-key", "Invalid key",
                    admin ? "The key is not the admin key." : "The key is not a configured read key.");
            return;
        }
        chain.doFilter(request, response);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
