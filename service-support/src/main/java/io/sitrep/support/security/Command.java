package io.sitrep.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method as a command: it needs {@link #scope()}, and its outcomes are counted in
 * {@code sitrep.commands} under {@link #value()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Command {

    /** The command's name in metrics, e.g. {@code incident.open}. */
    String value();

    /** The scope the caller's key needs, e.g. {@code incidents:write}. */
    String scope();

    /**
     * True when the endpoint takes its key from the request body and checks the scope itself, so
     * the scope cannot be checked before the handler runs.
     */
    boolean checksScopeItself() default false;
}
