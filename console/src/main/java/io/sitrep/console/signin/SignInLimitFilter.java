package io.sitrep.console.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses a password sign-in, before the password is checked, when its account or address failed too often lately. */
final class SignInLimitFilter extends OncePerRequestFilter {

    private final SignInAttempts attempts;

    SignInLimitFilter(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && SecurityConfiguration.SIGN_IN.equals(request.getServletPath())
                && !attempts.allowed(request.getParameter("username"), request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN + "?limited");
            return;
        }
        chain.doFilter(request, response);
    }
}
