package io.sitrep.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request type (or one of its fields) whose text has its {@linkplain UnsafeText unsafe
 * characters} replaced by U+FFFD instead of being refused with a 400: for payloads of senders that
 * cannot correct their text, such as alerting tools, where a refused request is lost. Nested types
 * carry the annotation themselves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ReplaceUnsafeText {
}
