package io.sitrep.console.api;

import java.util.Map;

/** The incident changed since the person saw it: the service answered 412 to the If-Match the console sent. */
public final class VersionConflict extends ApiProblem {

    public VersionConflict(String service, String title, String detail) {
        super(412, service, title, detail, Map.of());
    }
}
