package io.sitrep.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Counts each {@link Command}'s outcome in {@code sitrep.commands}, refusals for a missing scope included. */
final class CommandMetrics implements HandlerInterceptor {

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method) || method.getMethodAnnotation(Command.class) == null) {
            return;
        }
        int status = response.getStatus();
        String outcome = status < 300 ? "accepted" : status < 500 ? "rejected" : "failed";
        Counter.builder("sitrep.commands")
                .description("Commands received, by name and outcome")
                .tag("command", method.getMethodAnnotation(Command.class).value())
                .tag("outcome", outcome)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }
}
