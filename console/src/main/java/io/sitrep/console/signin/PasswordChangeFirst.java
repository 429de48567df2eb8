package io.sitrep.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/** Sends a person whose password must be changed (the first admin's one-time password) to do that first. */
final class PasswordChangeFirst implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        boolean mustChange = Person.of(SecurityContextHolder.getContext().getAuthentication()).map(Person::mustChange).orElse(false);
        if (mustChange && !PasswordController.PATH.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + PasswordController.PATH);
            return false;
        }
        return true;
    }
}
