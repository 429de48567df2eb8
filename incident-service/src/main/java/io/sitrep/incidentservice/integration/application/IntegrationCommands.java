package io.sitrep.incidentservice.integration.application;

import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.incident.Incident;
import io.sitrep.incidentservice.incident.IncidentId;
import io.sitrep.incidentservice.incident.Incidents;
import io.sitrep.incidentservice.incident.OpenIncident;
import io.sitrep.incidentservice.incident.ResolveIncident;
import io.sitrep.incidentservice.incident.UpdateIncident;
import io.sitrep.incidentservice.incident.application.ComponentStatusRequest;
import io.sitrep.incidentservice.incident.application.IncidentCommands;
import io.sitrep.incidentservice.integration.IntegrationLinks;
import io.sitrep.incidentservice.integration.IntegrationLinks.Link;
import io.sitrep.incidentservice.integration.IntegrationSettings;
import io.sitrep.incidentservice.integration.Outcome;
import io.sitrep.incidentservice.integration.Signal;
import io.sitrep.incidentservice.integration.Texts;
import io.sitrep.incidentservice.maintenance.AlertSuppression;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies what an alerting tool says to the incident its alert group (or dedup key) leads to. The
 * link is locked first, so concurrent or repeated deliveries of one group are applied one after the
 * other and a repeat of the state already applied changes nothing.
 */
@Service
@Transactional
public class IntegrationCommands {

    private static final Logger log = LoggerFactory.getLogger(IntegrationCommands.class);

    private final IntegrationLinks links;
    private final Incidents incidents;
    private final Components components;
    private final IncidentCommands commands;
    private final IntegrationSettings settings;
    private final Clock clock;
    private final AlertSuppression suppression;

    public IntegrationCommands(IntegrationLinks links, Incidents incidents, Components components, IncidentCommands commands,
                               IntegrationSettings settings, Clock clock, AlertSuppression suppression) {
        this.links = links;
        this.incidents = incidents;
        this.components = components;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
        this.suppression = suppression;
    }

    /** The outcome of a signal, and the incident it concerned (null when none). */
    public record Applied(Outcome outcome, UUID incidentId) {
    }

    public Applied apply(ApiPrincipal principal, String source, String dedupKey, Signal signal) {
        Link link = links.lock(source, principal.name(), dedupKey);
        Optional<Incident> open = Optional.ofNullable(link.incidentId())
                .flatMap(id -> incidents.lock(new IncidentId(id)))
                .filter(incident -> incident.status().isOpen() && !incident.isDeleted());
        Applied applied;
        if (signal instanceof Signal.Trigger trigger) {
            applied = trigger(principal, link, open, trigger);
        } else if (signal instanceof Signal.Acknowledge acknowledge) {
            applied = acknowledge(principal, open, acknowledge);
        } else if (signal instanceof Signal.Resolve resolve) {
            applied = resolve(principal, link, open, resolve);
        } else {
            throw new IllegalArgumentException("unknown signal " + signal);
        }
        log.info("{} signal from '{}' for {} {}: {} incident {}", signal.getClass().getSimpleName(), LogSafe.text(principal.name()),
                source, LogSafe.text(dedupKey), applied.outcome().wireName(), applied.incidentId());
        return applied;
    }

    private Applied trigger(ApiPrincipal principal, Link link, Optional<Incident> open, Signal.Trigger trigger) {
        Affected affected = affected(principal, trigger);
        String message = affected.leftOut() == 0 ? trigger.message() : Texts.withNote(trigger.message(), "(" + affected.leftOut()
                + " more components named by the alert are not set: an incident command sets at most " + Texts.COMPONENT_LIMIT + ".)");
        if (open.isEmpty()) {
            if (suppression.suppresses(link.source(), principal.name(), affected.requests().stream().map(c -> c.id().value()).toList())) {
                return new Applied(Outcome.SUPPRESSED, null);
            }
            Incident incident = commands.open(principal.actor(), new OpenIncident(trigger.title(), IncidentStatus.INVESTIGATING,
                    trigger.impact(), message, occurrence(trigger.occurredAt(), null), visibility(principal)), affected.requests());
            links.save(link.withIncident(incident.id().value(), trigger.stateKey()));
            return new Applied(Outcome.OPENED, incident.id().value());
        }
        IncidentId id = open.get().id();
        if (trigger.stateKey().equals(link.stateKey())) {
            return new Applied(Outcome.UNCHANGED, id.value());
        }
        commands.update(principal.actor(), id, null, new UpdateIncident(null, trigger.impact(), message, null), affected.requests());
        links.save(link.withIncident(id.value(), trigger.stateKey()));
        return new Applied(Outcome.UPDATED, id.value());
    }

    private Applied acknowledge(ApiPrincipal principal, Optional<Incident> open, Signal.Acknowledge acknowledge) {
        if (open.isEmpty()) {
            return new Applied(Outcome.UNCHANGED, null);
        }
        Incident incident = open.get();
        if (incident.status() != IncidentStatus.INVESTIGATING) {
            return new Applied(Outcome.UNCHANGED, incident.id().value());
        }
        commands.update(principal.actor(), incident.id(), null,
                new UpdateIncident(IncidentStatus.IDENTIFIED, null, acknowledge.message(), null), List.of());
        return new Applied(Outcome.UPDATED, incident.id().value());
    }

    private Applied resolve(ApiPrincipal principal, Link link, Optional<Incident> open, Signal.Resolve resolve) {
        if (open.isEmpty()) {
            return new Applied(Outcome.UNCHANGED, link.incidentId());
        }
        IncidentId id = open.get().id();
        Instant endedAt = occurrence(resolve.occurredAt(), open.get().snapshot().createdAt());
        commands.resolve(principal.actor(), id, null, new ResolveIncident(resolve.message(), endedAt), List.of());
        links.save(link.withIncident(id.value(), null));
        return new Applied(Outcome.RESOLVED, id.value());
    }

    /** The visibility of an incident an alert opens: the key's, else the service's default (internal unless set). */
    private Visibility visibility(ApiPrincipal principal) {
        return principal.incidentVisibility() != null ? principal.incidentVisibility() : settings.incidentVisibility();
    }

    /**
     * The components the alert names that exist, else the key's default component, at the status its
     * impact gives; at most as many as the REST API accepts, the first ones named.
     */
    private Affected affected(ApiPrincipal principal, Signal.Trigger trigger) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        int leftOut = 0;
        for (String named : trigger.components()) {
            if (!exists(named)) {
                unknown.add(named);
            } else if (ids.size() < Texts.COMPONENT_LIMIT) {
                ids.add(named);
            } else if (!ids.contains(named)) {
                leftOut++;
            }
        }
        if (!unknown.isEmpty()) {
            log.info("Alert names {} components Sitrep does not know, which are left out: {}", unknown.size(),
                    LogSafe.text(String.join(", ", unknown)));
        }
        if (leftOut > 0) {
            log.info("Alert names {} more known components than an incident command sets ({}); they are left out", leftOut,
                    Texts.COMPONENT_LIMIT);
        }
        if (ids.isEmpty() && principal.defaultComponent() != null && exists(principal.defaultComponent())) {
            ids.add(principal.defaultComponent());
        }
        List<ComponentStatusRequest> requests = new ArrayList<>();
        ids.forEach(id -> requests.add(new ComponentStatusRequest(new ComponentId(id), settings.componentStatus().get(trigger.impact()))));
        return new Affected(requests, leftOut);
    }

    /** The components a trigger sets, and how many known ones it names beyond the limit. */
    private record Affected(List<ComponentStatusRequest> requests, int leftOut) {
    }

    /**
     * A time the tool reports, if it is one an incident command accepts; else none (now), or the
     * earliest allowed when it lies before {@code notBefore}. Alertmanager's "no time" is year 1, and
     * tools' clocks run fast: refusing would lose the alert over its time stamp.
     */
    private Instant occurrence(Instant reported, Instant notBefore) {
        if (reported == null) {
            return null;
        }
        if (reported.isAfter(clock.instant()) || reported.isBefore(Incident.EARLIEST_OCCURRENCE)) {
            log.info("Alert time {} lies outside 1970 to now; the time of receipt is used", reported);
            return null;
        }
        return notBefore != null && reported.isBefore(notBefore) ? notBefore : reported;
    }

    private boolean exists(String id) {
        try {
            return components.find(new ComponentId(id)).isPresent();
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
