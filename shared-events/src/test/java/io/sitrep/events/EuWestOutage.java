package io.sitrep.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events of one regional outage, built by constructors: the records the golden samples under
 * {@code io/sitrep/events/samples/} must be the JSON of. The story follows a public cloud-region
 * outage: DNS automation emptied the record of an internal database endpoint in eu-west.
 *
 * <p>Incident timeline (UTC, 20 October 2025 unless said otherwise): v1 opened 07:11, v2 identified
 * 08:02, v3 monitoring 09:34 (not sampled), v4 resolved 10:47, v5 reopened 11:32, v6 resolved 13:05
 * (not sampled), v7 postmortem published 23 October.
 *
 * <p>A subscriber's webhook receiver, hosted in eu-west too, went down with the region: deliveries to
 * it failed from 07:11 (failing reported at 07:40), the delivery of the opening event was exhausted
 * on 21 October, a new delivery got through on 21 October and re-drove the dead letters, and on
 * 27 October the receiver answered 410 Gone and the subscription was disabled.
 */
public final class EuWestOutage {

    public static final UUID INCIDENT_ID = UUID.fromString("7c9e2b14-5a3f-4d8e-b6c1-0f2a9d4e8b37");
    public static final String TITLE = "Elevated error rates in eu-west region";
    public static final Instant CREATED_AT = Instant.parse("2025-10-20T07:11:04.518203Z");

    private static final Instant IDENTIFIED_AT = Instant.parse("2025-10-20T08:02:17.904551Z");
    private static final Instant RESOLVED_AT = Instant.parse("2025-10-20T10:47:52.116340Z");
    private static final Instant REOPENED_AT = Instant.parse("2025-10-20T11:32:08.650912Z");
    private static final Instant FINALLY_RESOLVED_AT = Instant.parse("2025-10-20T13:05:41.208733Z");
    private static final Instant POSTMORTEM_AT = Instant.parse("2025-10-23T14:00:00Z");

    private static final String API = "api";
    private static final String API_NAME = "Public API";
    private static final String DASHBOARD = "dashboard";
    private static final String DASHBOARD_NAME = "Dashboard";
    private static final String GROUP = "EU West";

    private EuWestOutage() {
    }

    /**
     * The fixture event of a type; a new type does not compile until it has one. Maintenance events come from
     * {@link DatabaseMaintenance}, a planned window rather than an outage.
     */
    public static SitrepEvent of(EventType type) {
        return switch (type) {
            case INCIDENT_OPENED -> incidentOpened();
            case INCIDENT_UPDATED -> incidentUpdated();
            case INCIDENT_RESOLVED -> incidentResolved();
            case INCIDENT_REOPENED -> incidentReopened();
            case POSTMORTEM_PUBLISHED -> postmortemPublished();
            case INCIDENT_PUBLISHED -> incidentPublished();
            case INCIDENT_EDITED -> incidentEdited();
            case INCIDENT_UPDATE_EDITED -> incidentUpdateEdited();
            case INCIDENT_DELETED -> incidentDeleted();
            case COMPONENT_DEFINED -> componentDefined();
            case COMPONENT_STATUS_CHANGED -> componentStatusChanged();
            case DELIVERY_FAILING -> deliveryFailing();
            case DELIVERY_EXHAUSTED -> deliveryExhausted();
            case DELIVERY_RECOVERED -> deliveryRecovered();
            case SUBSCRIPTION_DISABLED -> subscriptionDisabled();
            case MAINTENANCE_SCHEDULED -> DatabaseMaintenance.maintenanceScheduled();
            case MAINTENANCE_UPDATED -> DatabaseMaintenance.maintenanceUpdated();
            case MAINTENANCE_REMINDER -> DatabaseMaintenance.maintenanceReminder();
            case MAINTENANCE_STARTED -> DatabaseMaintenance.maintenanceStarted();
            case MAINTENANCE_COMPLETED -> DatabaseMaintenance.maintenanceCompleted();
            case MAINTENANCE_CANCELLED -> DatabaseMaintenance.maintenanceCancelled();
        };
    }

    public static IncidentOpened incidentOpened() {
        return new IncidentOpened(
                UUID.fromString("e1a4c2d8-3b6f-4a91-8d2e-5f7b0c9a1e63"),
                INCIDENT_ID,
                1,
                CREATED_AT,
                Instant.parse("2025-10-20T07:11:04.602117Z"),
                new IncidentUpdate(
                        UUID.fromString("0b8d5e2f-9c14-4e7a-a3b6-2d1f8c7e4a90"),
                        IncidentStatus.INVESTIGATING,
                        null,
                        Impact.MAJOR,
                        null,
                        "We are investigating elevated error rates and increased latency for requests served from"
                                + " the eu-west region. Some Public API calls fail with HTTP 503 and the Dashboard may"
                                + " load slowly. Other regions are not affected.",
                        List.of(
                                new ComponentChange(API, API_NAME, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL),
                                new ComponentChange(DASHBOARD, DASHBOARD_NAME, ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL))),
                new IncidentSnapshot(
                        INCIDENT_ID,
                        TITLE,
                        IncidentStatus.INVESTIGATING,
                        Impact.MAJOR,
                        List.of(
                                new AffectedComponent(API, API_NAME, ComponentStatus.PARTIAL_OUTAGE),
                                new AffectedComponent(DASHBOARD, DASHBOARD_NAME, ComponentStatus.DEGRADED_PERFORMANCE)),
                        CREATED_AT,
                        CREATED_AT,
                        null,
                        1));
    }

    public static IncidentUpdated incidentUpdated() {
        return new IncidentUpdated(
                UUID.fromString("4d7f1a9c-2e8b-4c35-9a60-b3e5d7f2c184"),
                INCIDENT_ID,
                2,
                IDENTIFIED_AT,
                Instant.parse("2025-10-20T08:02:18.013372Z"),
                new IncidentUpdate(
                        UUID.fromString("5a2c9e71-d4b8-4f06-8e3a-7c1b6f9d2e05"),
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.INVESTIGATING,
                        Impact.CRITICAL,
                        Impact.MAJOR,
                        "We have identified the cause: DNS resolution for an internal database endpoint in eu-west"
                                + " is failing, so services that depend on it cannot serve requests. Most Public API"
                                + " requests in eu-west now fail. We are restoring the DNS records manually and have"
                                + " paused the automation that changed them.",
                        List.of(new ComponentChange(API, API_NAME, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE))),
                new IncidentSnapshot(
                        INCIDENT_ID,
                        TITLE,
                        IncidentStatus.IDENTIFIED,
                        Impact.CRITICAL,
                        List.of(
                                new AffectedComponent(API, API_NAME, ComponentStatus.MAJOR_OUTAGE),
                                new AffectedComponent(DASHBOARD, DASHBOARD_NAME, ComponentStatus.DEGRADED_PERFORMANCE)),
                        CREATED_AT,
                        IDENTIFIED_AT,
                        null,
                        2));
    }

    public static IncidentResolved incidentResolved() {
        return new IncidentResolved(
                UUID.fromString("9b3e6d20-7f1c-4a8b-b5d4-e2c0a8f61d97"),
                INCIDENT_ID,
                4,
                RESOLVED_AT,
                Instant.parse("2025-10-20T10:47:52.198425Z"),
                new IncidentUpdate(
                        UUID.fromString("c6f0a3d9-1e7b-4b52-9d84-3a5e2f8c7b16"),
                        IncidentStatus.RESOLVED,
                        IncidentStatus.MONITORING,
                        Impact.MAJOR,
                        Impact.MAJOR,
                        "The DNS records were restored at 09:21 UTC and error rates were back to normal by 10:30 UTC."
                                + " The Public API and the Dashboard in eu-west are operating normally. We will"
                                + " publish a postmortem.",
                        List.of(new ComponentChange(API, API_NAME, ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE))),
                new IncidentSnapshot(
                        INCIDENT_ID,
                        TITLE,
                        IncidentStatus.RESOLVED,
                        Impact.MAJOR,
                        List.of(
                                new AffectedComponent(API, API_NAME, ComponentStatus.OPERATIONAL),
                                new AffectedComponent(DASHBOARD, DASHBOARD_NAME, ComponentStatus.OPERATIONAL)),
                        CREATED_AT,
                        RESOLVED_AT,
                        RESOLVED_AT,
                        4));
    }

    public static IncidentReopened incidentReopened() {
        return new IncidentReopened(
                UUID.fromString("2f8a5c31-b9d6-4e07-8c4f-61d3a7e09b25"),
                INCIDENT_ID,
                5,
                REOPENED_AT,
                Instant.parse("2025-10-20T11:32:08.731004Z"),
                new IncidentUpdate(
                        UUID.fromString("8e1d4b67-3c2a-4f98-a7e5-0b9f6c3d2a48"),
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.RESOLVED,
                        Impact.MINOR,
                        Impact.MAJOR,
                        "Error rates for the Public API in eu-west have risen again while a backlog of queued"
                                + " requests is processed. We are investigating and throttling the backlog.",
                        List.of(new ComponentChange(API, API_NAME, ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL))),
                new IncidentSnapshot(
                        INCIDENT_ID,
                        TITLE,
                        IncidentStatus.INVESTIGATING,
                        Impact.MINOR,
                        List.of(
                                new AffectedComponent(API, API_NAME, ComponentStatus.DEGRADED_PERFORMANCE),
                                new AffectedComponent(DASHBOARD, DASHBOARD_NAME, ComponentStatus.OPERATIONAL)),
                        CREATED_AT,
                        REOPENED_AT,
                        null,
                        5));
    }

    /** An alert opened an internal incident at 07:05; a responder published it for customers at 07:18. */
    public static final UUID TRIAGED_INCIDENT_ID = UUID.fromString("a3f81c5e-2b9d-4e67-8c14-6d0e9b2f7a53");

    public static IncidentPublished incidentPublished() {
        Instant published = Instant.parse("2025-10-20T07:18:40.221907Z");
        return new IncidentPublished(
                UUID.fromString("9b2e7c41-6d3a-4f58-a1c9-3e8d5b7f0a26"),
                TRIAGED_INCIDENT_ID,
                3,
                published,
                published,
                "[FIRING:1] PaymentsErrorRate",
                new IncidentUpdate(
                        UUID.fromString("c6d1e8a4-7f3b-4a29-b5e0-9d2c4f6a8b17"),
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.IDENTIFIED,
                        Impact.MAJOR,
                        Impact.MINOR,
                        "Some card payments are failing. We have identified the cause and are working on a fix.",
                        List.of(new ComponentChange("payments", "Payments", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.DEGRADED_PERFORMANCE))),
                new IncidentSnapshot(
                        TRIAGED_INCIDENT_ID,
                        "Card payments failing for some customers",
                        IncidentStatus.IDENTIFIED,
                        Impact.MAJOR,
                        List.of(new AffectedComponent("payments", "Payments", ComponentStatus.PARTIAL_OUTAGE)),
                        Instant.parse("2025-10-20T07:05:12.480336Z"),
                        published,
                        null,
                        3,
                        Visibility.PUBLIC),
                "Dana Whitfield");
    }

    /** The published incident's snapshot at a later version, renamed and re-rated. */
    private static IncidentSnapshot triaged(long version, Instant at) {
        return new IncidentSnapshot(TRIAGED_INCIDENT_ID, "Card payments failing in eu-west", IncidentStatus.IDENTIFIED, Impact.CRITICAL,
                List.of(new AffectedComponent("payments", "Payments", ComponentStatus.PARTIAL_OUTAGE)),
                Instant.parse("2025-10-20T07:05:12.480336Z"), at, null, version, Visibility.PUBLIC);
    }

    /** At 07:24 the responder corrected the title and raised the impact. */
    public static IncidentEdited incidentEdited() {
        Instant at = Instant.parse("2025-10-20T07:24:02.117604Z");
        return new IncidentEdited(UUID.fromString("2f8c6a1d-4b7e-4d30-9a5c-e1b3d7f90c42"), TRIAGED_INCIDENT_ID, 4, at, at,
                "Card payments failing for some customers", Impact.MAJOR, triaged(4, at), "Dana Whitfield");
    }

    /** At 07:26 the responder corrected the text of the first public entry. */
    public static IncidentUpdateEdited incidentUpdateEdited() {
        Instant at = Instant.parse("2025-10-20T07:26:45.830021Z");
        return new IncidentUpdateEdited(UUID.fromString("6a0d9e3b-1c5f-4e82-b7a4-08f2c6d1e953"), TRIAGED_INCIDENT_ID, 5, at, at,
                UUID.fromString("c6d1e8a4-7f3b-4a29-b5e0-9d2c4f6a8b17"),
                "Some card payments in eu-west are failing. We have identified the cause and are working on a fix.",
                "Some card payments are failing. We have identified the cause and are working on a fix.", 2, triaged(5, at), "Dana Whitfield");
    }

    /** A test incident opened by mistake at 09:12 and deleted at 09:13. */
    public static IncidentDeleted incidentDeleted() {
        UUID id = UUID.fromString("d4e7b1a9-3c68-4f25-8e0b-7a2c5f9d1e36");
        Instant at = Instant.parse("2025-10-20T09:13:11.562940Z");
        return new IncidentDeleted(UUID.fromString("8e3b5f0c-7a21-4d96-b4c8-2f6e9a1d7b05"), id, 2, at, at,
                "Opened by mistake while testing the console.",
                new IncidentSnapshot(id, "Test incident, please ignore", IncidentStatus.INVESTIGATING, Impact.NONE, List.of(),
                        Instant.parse("2025-10-20T09:12:30.004518Z"), at, null, 2, Visibility.PUBLIC),
                "ops-admin");
    }

    public static PostmortemPublished postmortemPublished() {
        return new PostmortemPublished(
                UUID.fromString("d5c8f2a6-0e4b-4d19-b3f7-9a2e6c1d8f40"),
                INCIDENT_ID,
                7,
                POSTMORTEM_AT,
                Instant.parse("2025-10-23T14:00:00.087215Z"),
                new Postmortem(1, """
                        # Elevated error rates in eu-west region

                        ## Summary

                        On 20 October 2025 between 07:09 and 13:05 UTC, requests served from the eu-west region \
                        failed at elevated rates. At the peak, 38% of Public API requests returned HTTP 503 and the \
                        Dashboard loaded slowly. Other regions were not affected.

                        ## Cause

                        An automated DNS update left the record of an internal database endpoint empty. Services in \
                        eu-west could no longer resolve the endpoint and failed the requests that depended on it.

                        ## Resolution

                        We restored the DNS record manually at 09:21 UTC and paused the automation. Requests queued \
                        during the outage caused a second, smaller rise in errors between 11:30 and 13:05 UTC, which \
                        we contained by throttling the backlog.

                        ## What we are changing

                        - The DNS automation refuses to publish an empty record.
                        - We alert on DNS resolution failures, not only on error rates.
                        - Backlog processing after a recovery is rate-limited by default.
                        """),
                new IncidentSnapshot(
                        INCIDENT_ID,
                        TITLE,
                        IncidentStatus.RESOLVED,
                        Impact.MINOR,
                        List.of(
                                new AffectedComponent(API, API_NAME, ComponentStatus.OPERATIONAL),
                                new AffectedComponent(DASHBOARD, DASHBOARD_NAME, ComponentStatus.OPERATIONAL)),
                        CREATED_AT,
                        POSTMORTEM_AT,
                        FINALLY_RESOLVED_AT,
                        7));
    }

    public static ComponentDefined componentDefined() {
        Instant definedAt = Instant.parse("2025-03-14T09:26:53.589793Z");
        return new ComponentDefined(
                UUID.fromString("a3e7b9d1-6c2f-4e85-9b0a-4d8f1c6e2b73"),
                DASHBOARD,
                1,
                definedAt,
                Instant.parse("2025-03-14T09:26:53.640218Z"),
                new ComponentSnapshot(
                        DASHBOARD,
                        DASHBOARD_NAME,
                        GROUP,
                        "Web console for projects, billing and API keys.",
                        ComponentStatus.OPERATIONAL,
                        definedAt,
                        1,
                        2)).withActor("platform-team");
    }

    public static ComponentStatusChanged componentStatusChanged() {
        return new ComponentStatusChanged(
                UUID.fromString("6b0d3f85-a2e9-4c71-8f16-c9b4e0a7d352"),
                API,
                14,
                IDENTIFIED_AT,
                Instant.parse("2025-10-20T08:02:18.013372Z"),
                ComponentStatus.MAJOR_OUTAGE,
                ComponentStatus.PARTIAL_OUTAGE,
                INCIDENT_ID,
                new ComponentSnapshot(
                        API,
                        API_NAME,
                        GROUP,
                        null,
                        ComponentStatus.MAJOR_OUTAGE,
                        IDENTIFIED_AT,
                        14)).withActor("Dana Whitfield");
    }

    public static final UUID SUBSCRIPTION_ID = UUID.fromString("3f6b9d2e-8a41-4c7f-9e05-b1d8a6c4e723");
    private static final String HOOK = "https://hooks.example.com";
    private static final UUID OPENED_DELIVERY_ID = UUID.fromString("a8c31f57-62d9-4b0e-8f4a-d07e5b9c1236");
    private static final Instant FAILING_SINCE = Instant.parse("2025-10-20T07:11:05.012448Z");

    private static SubscriptionSnapshot subscription(String status) {
        return new SubscriptionSnapshot(SUBSCRIPTION_ID, "webhook", HOOK, status);
    }

    public static DeliveryFailing deliveryFailing() {
        return new DeliveryFailing(
                UUID.fromString("c47e0a19-5d3b-4f82-a6c9-2e8b1d7f4a05"),
                SUBSCRIPTION_ID,
                1,
                Instant.parse("2025-10-20T07:41:05.227310Z"),
                Instant.parse("2025-10-20T07:41:05.227310Z"),
                subscription("active"),
                OPENED_DELIVERY_ID,
                4,
                FAILING_SINCE,
                "HTTP 503");
    }

    public static DeliveryExhausted deliveryExhausted() {
        return new DeliveryExhausted(
                UUID.fromString("5e92b7d4-0c6a-4f13-b8e1-9d4a3c7f2b60"),
                SUBSCRIPTION_ID,
                2,
                Instant.parse("2025-10-21T10:46:41.905126Z"),
                Instant.parse("2025-10-21T10:46:41.905126Z"),
                subscription("active"),
                OPENED_DELIVERY_ID,
                UUID.fromString("e1a4c2d8-3b6f-4a91-8d2e-5f7b0c9a1e63"),
                "incident.opened",
                8,
                "connect timed out");
    }

    public static DeliveryRecovered deliveryRecovered() {
        return new DeliveryRecovered(
                UUID.fromString("91d3f6a2-4b8e-4c05-a7d1-6e2c9b0f8a34"),
                SUBSCRIPTION_ID,
                3,
                Instant.parse("2025-10-21T11:20:31.508277Z"),
                Instant.parse("2025-10-21T11:20:31.508277Z"),
                subscription("active"),
                FAILING_SINCE,
                6);
    }

    public static SubscriptionDisabled subscriptionDisabled() {
        return new SubscriptionDisabled(
                UUID.fromString("0d5a8e3c-7f21-4b96-9c4e-a3b6d1f0e827"),
                SUBSCRIPTION_ID,
                4,
                Instant.parse("2025-10-27T09:15:02.771903Z"),
                Instant.parse("2025-10-27T09:15:02.771903Z"),
                subscription("disabled"),
                "receiver_gone",
                "The receiver answered 410 Gone: it asked for no more deliveries.");
    }
}
