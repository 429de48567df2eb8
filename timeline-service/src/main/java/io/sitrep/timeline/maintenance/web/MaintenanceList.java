package io.sitrep.timeline.maintenance.web;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * A page of maintenance windows.
 *
 * @param nextCursor pass as {@code cursor} (with the same {@code status}) to get the next page; null on the last page
 */
record MaintenanceList(List<MaintenanceSummary> items, @Nullable String nextCursor) {
}
