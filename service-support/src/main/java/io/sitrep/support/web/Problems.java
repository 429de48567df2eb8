package io.sitrep.support.web;

import java.net.URI;

/** Problem types of this API: {@code urn:sitrep:problem:<name>}, stable and documented in the README. */
public final class Problems {

    private static final String PREFIX = "urn:sitrep:problem:";

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(PREFIX + name);
    }
}
