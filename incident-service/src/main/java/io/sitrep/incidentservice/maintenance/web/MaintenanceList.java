package io.sitrep.incidentservice.maintenance.web;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * A page of maintenance windows, soonest planned start first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record MaintenanceList(List<MaintenanceResponse> items, @Nullable String nextCursor) {
}
