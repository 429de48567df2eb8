package io.sitrep.support.security;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;

import java.util.function.Supplier;

/**
 * Method security for {@link Command}s: before a command's handler runs, the caller's key must have
 * the command's scope. A denial reaches the handler's advice as an
 * {@link org.springframework.security.authorization.AuthorizationDeniedException} carrying
 * {@link ScopeCheck.Missing}.
 */
final class CommandAuthorization implements AuthorizationManager<MethodInvocation> {

    static AuthorizationManagerBeforeMethodInterceptor interceptor() {
        Pointcut commands = new AnnotationMatchingPointcut(null, Command.class, true);
        return new AuthorizationManagerBeforeMethodInterceptor(commands, new CommandAuthorization());
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
        Command command = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Command.class);
        if (command == null || command.checksScopeItself()) {
            return new AuthorizationDecision(true);
        }
        return ScopeCheck.check(authentication, command.scope());
    }
}
