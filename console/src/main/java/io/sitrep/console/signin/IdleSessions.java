package io.sitrep.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Ends a session when its person has done nothing for the idle timeout, whatever their open Now screen fetches by
 * itself: the live signal ({@code /now/events}) and the lists it makes the script read again ({@code /now/lists}) are
 * not the person's doing, yet each would keep the container's session alive. Those background reads are answered 401
 * once the person has been idle too long (the script then stops); anything else goes to the sign-in screen.
 */
final class IdleSessions implements HandlerInterceptor {

    /** The session attribute holding when the person last did something, in epoch milliseconds. */
    static final String LAST_ACTIVITY = IdleSessions.class.getName() + ".lastActivity";

    /** What a screen fetches by itself, without the person. */
    static final Set<String> BACKGROUND = Set.of("/now/events", "/now/lists");

    private final Duration idleTimeout;
    private final Clock clock;

    IdleSessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        long now = clock.millis();
        boolean background = BACKGROUND.contains(request.getServletPath());
        Object last = session.getAttribute(LAST_ACTIVITY);
        if (last instanceof Long at && now - at > idleTimeout.toMillis()) {
            session.invalidate();
            if (background) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN);
            }
            return false;
        }
        if (!background) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        return true;
    }
}
