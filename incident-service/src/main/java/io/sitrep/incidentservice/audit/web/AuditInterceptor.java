package io.sitrep.incidentservice.audit.web;

import io.sitrep.incidentservice.audit.AuditEntry;
import io.sitrep.incidentservice.audit.AuditLog;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every {@link Command} that reached its handler as it completes: accepted or refused by the incident's
 * rules. A refusal for a missing scope or a delegation the key may not make is answered before a handler is
 * chosen, by the security chain, and is counted in {@code sitrep.commands} instead.
 */
public final class AuditInterceptor implements HandlerInterceptor {

    /** A request attribute through which a handler names the incident when neither path nor Location does. */
    public static final String INCIDENT_ATTRIBUTE = "io.sitrep.audit.incidentId";

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final Pattern INCIDENT_PATH = Pattern.compile("^/api/v1/incidents/([0-9a-fA-F-]{36})(/.*)?$");

    private final AuditLog audit;
    private final Clock clock;

    public AuditInterceptor(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method) || method.getMethodAnnotation(Command.class) == null
                || !(request.getAttribute(ApiPrincipal.ATTRIBUTE) instanceof ApiPrincipal principal)) {
            return;
        }
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        AuditEntry entry = new AuditEntry(0, clock.instant(), principal.actor(), principal.name(),
                method.getMethodAnnotation(Command.class).value(), incident(request, response), AuditEntry.outcomeOf(status), status);
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            // The command's own transaction has committed or rolled back already; a lost audit line must not turn it into an error.
            log.warn("Could not record {} by '{}' in the audit log: {}", entry.command(), entry.apiKey(), e.toString());
        }
    }

    private static UUID incident(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(INCIDENT_ATTRIBUTE) instanceof UUID id) {
            return id;
        }
        UUID fromPath = parse(request.getRequestURI());
        return fromPath != null ? fromPath : parse(response.getHeader(HttpHeaders.LOCATION));
    }

    private static UUID parse(String path) {
        if (path == null) {
            return null;
        }
        Matcher matcher = INCIDENT_PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return UUID.fromString(matcher.group(1));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
