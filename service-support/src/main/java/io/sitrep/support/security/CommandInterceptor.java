package io.sitrep.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Set;

/** Checks a command's scope before it runs and counts its outcome after. */
public final class CommandInterceptor implements HandlerInterceptor {

    private final MeterRegistry registry;

    public CommandInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Command command = command(handler);
        if (command != null && !command.checksScopeItself()) {
            ApiPrincipal principal = (ApiPrincipal) request.getAttribute(ApiPrincipal.ATTRIBUTE);
            if (principal == null || !principal.may(command.scope())) {
                count(command, 403);
                throw new InsufficientScope(principal == null ? new ApiPrincipal("anonymous", Set.of()) : principal, command.scope());
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Command command = command(handler);
        if (command == null) {
            return;
        }
        count(command, response.getStatus());
    }

    private void count(Command command, int status) {
        String outcome = status < 300 ? "accepted" : status < 500 ? "rejected" : "failed";
        Counter.builder("sitrep.commands")
                .description("Commands received, by name and outcome")
                .tag("command", command.value())
                .tag("outcome", outcome)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    private static Command command(Object handler) {
        return handler instanceof HandlerMethod method ? method.getMethodAnnotation(Command.class) : null;
    }
}
