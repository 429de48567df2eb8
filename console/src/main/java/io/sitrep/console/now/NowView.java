package io.sitrep.console.now;

import io.sitrep.console.delivery.DeliveriesView;

import java.util.List;
import java.util.Map;

/**
 * The Now screen.
 *
 * @param triage      internal incidents waiting to be published, newest first
 * @param open        open public incidents, newest first
 * @param groups      components by group name ("" for those in none), in the services' order
 * @param active      maintenance in progress
 * @param upcoming    maintenance scheduled
 * @param failing     delivery endpoints failing now or disabled, the first few
 * @param moreFailing whether there are more than {@code failing} shows
 * @param unavailable what could not be read, in words (a service down); the rest still shows
 */
public record NowView(List<IncidentRow> triage, List<IncidentRow> open, Map<String, List<ComponentRow>> groups,
                      List<MaintenanceRow> active, List<MaintenanceRow> upcoming,
                      List<DeliveriesView.FailingEndpoint> failing, boolean moreFailing, List<String> unavailable) {

    /** One incident in a list. */
    public record IncidentRow(String id, String title, String status, String impact, String updatedAt, List<String> components) {
    }

    /** One component with its status. */
    public record ComponentRow(String id, String name, String status) {
    }

    /** One maintenance window. */
    public record MaintenanceRow(String id, String title, String status, String from, String until) {
    }
}
