package io.sitrep.support.security;

import io.sitrep.support.web.ProblemExceptionHandler;
import io.sitrep.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Reads {@link ApiPrincipal#ACTOR_HEADER}: a key with {@link ApiPrincipal#DELEGATE} (or admin) acts for the
 * person it names, and commands are recorded as that person's; any other key sending it is refused with a 403
 * problem, so that no key can put words in someone else's mouth. Runs after the key was admitted.
 */
final class ActorHeaderFilter extends OncePerRequestFilter {

    /** The longest person's name accepted, in characters. */
    static final int MAX_LENGTH = 200;

    private final ProblemWriter problems;

    ActorHeaderFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String person = request.getHeader(ApiPrincipal.ACTOR_HEADER);
        Object attribute = request.getAttribute(ApiPrincipal.ATTRIBUTE);
        if (person == null || !(attribute instanceof ApiPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        if (!principal.may(ApiPrincipal.DELEGATE)) {
            problems.write(request, response, 403, "actor-not-delegated", "Not allowed to act for someone",
                    "The API key '" + principal.name() + "' lacks the scope " + ApiPrincipal.DELEGATE + ", so it may not name a person in "
                            + ApiPrincipal.ACTOR_HEADER + ". Leave the header out, or use a key with that scope.");
            return;
        }
        String name = person.strip();
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            String message = "must be a person's name of 1 to " + MAX_LENGTH + " characters, without control characters";
            problems.write(request, response, 400, "validation-failed", "The request is not valid",
                    ApiPrincipal.ACTOR_HEADER + " " + message + ".",
                    List.of(new ProblemExceptionHandler.FieldProblem(ApiPrincipal.ACTOR_HEADER, message)));
            return;
        }
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal.actingFor(name));
        chain.doFilter(request, response);
    }
}
