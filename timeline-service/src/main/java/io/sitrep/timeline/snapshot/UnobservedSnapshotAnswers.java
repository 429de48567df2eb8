package io.sitrep.timeline.snapshot;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves the public snapshot's own answers unobserved (no span, no {@code http.server.requests} timing): a {@code GET} or
 * {@code HEAD} of exactly a path the snapshot in service holds, without a query, while reads are public. They carry no
 * change and are the bulk of the requests under a read storm, where the request's span and metrics were a good share of
 * each answer's cost; the snapshot's builds, its age and its failures stay measured. Everything else, another spelling
 * of the same path included, is observed as before. Only wired while reads are public.
 */
final class UnobservedSnapshotAnswers implements ObservationPredicate {

    private final PublicSnapshots snapshots;

    UnobservedSnapshotAnswers(PublicSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        if (!(context instanceof ServerRequestObservationContext server)) {
            return true;
        }
        HttpServletRequest request = server.getCarrier();
        String method = request.getMethod();
        if (request.getDispatcherType() != DispatcherType.REQUEST || request.getQueryString() != null
                || !("GET".equals(method) || "HEAD".equals(method))) {
            return true;
        }
        PublicSnapshot snapshot = snapshots.inService();
        return snapshot == null || !snapshot.documents().containsKey(request.getRequestURI());
    }
}
