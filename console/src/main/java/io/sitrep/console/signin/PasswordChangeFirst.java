package io.sitrep.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/** Sends a person whose password must be changed (the first admin's one-time password) to do that first. */
public final class PasswordChangeFirst implements HandlerInterceptor {

    /** Where a person changes their password. */
    public static final String PATH = "/account/password";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        boolean mustChange = Person.of(SecurityContextHolder.getContext().getAuthentication()).map(Person::mustChange).orElse(false);
        if (mustChange && !PATH.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + PATH);
            return false;
        }
        return true;
    }
}
