package io.sitrep.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal that carries its own problem: status, type and title, and any headers the answer needs
 * (such as {@code Retry-After}). {@link ProblemExceptionHandler} answers every one the same way, so the
 * packages that refuse (security, for one) need not be known here.
 */
public abstract class RequestRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    protected RequestRefused(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type's name, {@code urn:sitrep:problem:<type>}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Headers the answer carries; none unless a refusal says otherwise. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
