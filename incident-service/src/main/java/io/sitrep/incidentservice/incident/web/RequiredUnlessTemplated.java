package io.sitrep.incidentservice.incident.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The request's {@linkplain Templated#required() required fields} must not be blank unless it names a
 * template, which may fill them; each blank one is refused by its own name, as {@code @NotBlank} would.
 * Whether the template does fill them is checked when it is applied.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RequiredUnlessTemplated.Check.class)
@interface RequiredUnlessTemplated {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that may name a template. */
    interface Templated {

        /** The id of the template it names; null when none. */
        String template();

        /** The fields it must give unless a template fills them, by name, with their values. */
        Map<String, String> required();
    }

    /** Refuses each blank required field of a request that names no template. */
    final class Check implements ConstraintValidator<RequiredUnlessTemplated, Templated> {

        @Override
        public boolean isValid(Templated request, ConstraintValidatorContext context) {
            if (request == null || request.template() != null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (Map.Entry<String, String> field : request.required().entrySet()) {
                if (field.getValue() == null || field.getValue().isBlank()) {
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode(field.getKey()).addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}
