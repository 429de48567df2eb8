package io.sitrep.incidentservice.maintenance;

import java.util.Collection;

/**
 * Whether an alert is held back because maintenance is under way: the port the integrations ask before an
 * alert opens an incident.
 */
public interface AlertSuppression {

    /**
     * True when an alert from {@code source}, sent with the API key named {@code keyName}, that would open an
     * incident for {@code componentIds} opens none: suppression is on for that key, the alert names at least
     * one component, and every one of them is covered by an in-progress or verifying maintenance window. The
     * caller records the alert as suppressed.
     */
    boolean suppresses(String source, String keyName, Collection<String> componentIds);
}
