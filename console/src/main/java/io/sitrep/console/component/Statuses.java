package io.sitrep.console.component;

import java.util.List;

/** The statuses a component may take, from best to worst, as incident-service names them. */
public final class Statuses {

    public static final List<String> ALL = List.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");

    private Statuses() {
    }
}
