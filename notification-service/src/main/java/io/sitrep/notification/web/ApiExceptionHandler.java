package io.sitrep.notification.web;

import io.sitrep.notification.subscription.ConfirmationLimitReached;
import io.sitrep.notification.subscription.NoSigningSecret;
import io.sitrep.notification.subscription.SubscriptionNotActive;
import io.sitrep.notification.subscription.UnknownSubscription;
import io.sitrep.notification.target.TargetRefused;
import io.sitrep.support.web.ProblemExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The problems of notification-service's own rules; the common ones come from {@link ProblemExceptionHandler}. */
@RestControllerAdvice
public class ApiExceptionHandler extends ProblemExceptionHandler {

    @ExceptionHandler(UnknownSubscription.class)
    ResponseEntity<Object> unknownSubscription(UnknownSubscription e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-subscription", "Unknown subscription", e.getMessage(), List.of());
    }

    @ExceptionHandler(SubscriptionNotActive.class)
    ResponseEntity<Object> notActive(SubscriptionNotActive e) {
        return problem(HttpStatus.CONFLICT, "subscription-not-active", "The subscription's state does not allow this", e.getMessage(), List.of());
    }

    @ExceptionHandler(NoSigningSecret.class)
    ResponseEntity<Object> noSecret(NoSigningSecret e) {
        return problem(HttpStatus.CONFLICT, "no-signing-secret", "Only webhooks have a signing secret", e.getMessage(), List.of());
    }

    @ExceptionHandler(TargetRefused.class)
    ResponseEntity<Object> targetRefused(TargetRefused e) {
        return problem(HttpStatus.BAD_REQUEST, "target-refused", "The webhook URL is not an allowed target",
                "url: " + e.getMessage(), List.of(new FieldProblem("url", e.getMessage())));
    }

    /** The address is not named: the caller knows it, and problems may be logged. */
    @ExceptionHandler(ConfirmationLimitReached.class)
    ResponseEntity<Object> confirmationLimit(ConfirmationLimitReached e) {
        ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "confirmation-limit",
                "Too many confirmation emails to this address", "email: " + e.getMessage(), List.of(new FieldProblem("email", e.getMessage())));
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem.getBody());
    }
}
