package io.sitrep.incidentservice.maintenance.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.incidentservice.incident.MaintenanceCoverage;
import io.sitrep.incidentservice.maintenance.AlertSuppression;
import io.sitrep.incidentservice.maintenance.Maintenances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Set;

/**
 * {@link AlertSuppression} by the maintenance windows in progress; counts each suppressed alert in
 * {@code sitrep.alerts.suppressed} (tagged by source) and logs it. Also tells the incident use cases
 * which components a window in progress covers ({@link MaintenanceCoverage}).
 */
@Service
@Transactional(readOnly = true)
class WindowsInProgress implements AlertSuppression, MaintenanceCoverage {

    private static final Logger log = LoggerFactory.getLogger(WindowsInProgress.class);

    private final Maintenances maintenances;
    private final MaintenanceSettings settings;
    private final MeterRegistry meters;

    WindowsInProgress(Maintenances maintenances, MaintenanceSettings settings, MeterRegistry meters) {
        this.maintenances = maintenances;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public Set<String> underMaintenance(Collection<String> componentIds) {
        return maintenances.coveredByActiveWindows(null, componentIds);
    }

    @Override
    public boolean suppresses(String source, String keyName, Collection<String> componentIds) {
        if (!settings.suppressesAlertsOf(keyName) || componentIds.isEmpty()) {
            return false;
        }
        Set<String> covered = maintenances.coveredByActiveWindows(null, componentIds);
        if (!covered.containsAll(componentIds)) {
            return false;
        }
        Counter.builder("sitrep.alerts.suppressed")
                .description("Alerts that opened no incident because maintenance covers every component they name")
                .tag("source", source)
                .register(meters)
                .increment();
        log.info("Alert from {} for components {} suppressed: maintenance is in progress on all of them", source, componentIds);
        return true;
    }
}
