package io.sitrep.support.security;

import io.sitrep.support.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * The RFC 9457 problems of the security filter chain, with the {@code WWW-Authenticate} and
 * {@code Retry-After} headers the API documents: no key, an unknown key, a key over its budget, a
 * key without the scope, and a request the firewall refuses.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler,
        RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final ProblemWriter problems;

    SecurityProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    /** No key where one is needed. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\"");
        problems.write(request, response, 401, "unauthenticated", "Authentication required",
                "Send an API key as 'Authorization: Bearer <key>'.");
    }

    /** A key was presented and not admitted. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof ApiKeyAuthenticationProvider.OverBudget over) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(over.retryAfterSeconds()));
            problems.write(request, response, 429, "rate-limited", "Too many requests", e.getMessage());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\", error=\"invalid_token\"");
        problems.write(request, response, 401, "invalid-api-key", "Invalid API key", "The API key is not known.");
    }

    /** A key without the scope a request rule asks for. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof AuthorizationDeniedException denied && denied.getAuthorizationResult() instanceof Refusal refusal) {
            problems.write(request, response, refusal.status(), refusal.type(), refusal.title(), refusal.detail());
            return;
        }
        String detail = e instanceof AuthorizationDeniedException denied && denied.getAuthorizationResult() instanceof ScopeCheck.Missing missing
                ? missing.detail() : "The API key may not do this.";
        problems.write(request, response, 403, "insufficient-scope", "Not allowed", detail);
    }

    /** The firewall refused the request line: encoded slashes or dots, {@code ;}, {@code //}, control characters. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        log.info("Refused a request the firewall does not accept: {}", e.getMessage());
        problems.write(request, response, 400, "request-rejected", "The request is not accepted",
                "The path contains a sequence the API does not accept (an encoded slash, period or percent sign, ';', '//', "
                        + "'/./', '/../' or a control character). Send the plain path.");
    }
}
