package io.sitrep.support.web;

import java.io.IOException;

/** A request body longer than the configured limit. */
final class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
