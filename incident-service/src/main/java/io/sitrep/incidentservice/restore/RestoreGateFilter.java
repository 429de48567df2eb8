package io.sitrep.incidentservice.restore;

import io.sitrep.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * While this instance restores its state: a write to the API answers 503 {@code restoring} with
 * {@code Retry-After} and changes nothing; a read is answered as usual, with {@code Sitrep-State: restoring}, since
 * what it shows may still be missing what the restore brings back. Runs after the security filters, so a request
 * without a valid key is refused as usual.
 */
public class RestoreGateFilter extends OncePerRequestFilter {

    /** The header that marks an answer given while the state is being restored. */
    public static final String STATE_HEADER = "Sitrep-State";
    public static final String RESTORE_PATH = "/api/v1/admin/restore";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RestoreGate gate;
    private final ProblemWriter problems;
    private final String retryAfterSeconds;

    public RestoreGateFilter(RestoreGate gate, ProblemWriter problems, RestoreSettings settings) {
        this.gate = gate;
        this.problems = problems;
        this.retryAfterSeconds = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/v2/")) || path.equals(RESTORE_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!gate.restoring()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(STATE_HEADER, "restoring");
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        problems.write(request, response, 503, "restoring", "The state is being restored",
                "incident-service is restoring its state from the event log; this request changed nothing. Retry it after "
                        + "Retry-After, with the same Idempotency-Key.");
    }
}
