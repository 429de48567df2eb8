package io.sitrep.bench;

import io.sitrep.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sitrep's public APIs, as the scenarios use them: components, incidents, subscriptions, the timeline. */
final class SitrepClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CONFIRM = Pattern.compile("https?://[^/\\s]+(/api/v1/subscriptions/confirm\\?token=[^\\s\"<>]+)");

    private final Http http;
    private final Http anonymous = Http.anonymous();
    private final String incidents;
    private final String notifications;
    private final String timeline;

    SitrepClient(LocalStack stack) {
        this.http = new Http(stack.apiKey());
        this.incidents = stack.url("incident");
        this.notifications = stack.url("notification");
        this.timeline = stack.url("timeline");
    }

    Http http() {
        return http;
    }

    /** For the public page's answers, read as its readers do: without a key. */
    Http publicHttp() {
        return anonymous;
    }

    /** A component of its own for a scenario, so that its subscribers see only its events. */
    String component(String name) {
        String id = "bench-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 6);
        http.expect("PUT", incidents + "/api/v1/components/" + id, "{\"name\":\"" + name + "\",\"group\":\"Bench\"}");
        return id;
    }

    /** Opens {@code count} incidents on the component, eight at a time. */
    List<String> openIncidents(String component, int count) {
        String[] ids = new String[count];
        Load.Outcome opened = Load.closed(8, Duration.ofMinutes(10), count, 0, (seq, intended) -> {
            ids[(int) seq] = JSON.readTree(http.expect("POST", incidents + "/api/v1/incidents", """
                    {"title":"Bench incident %d","impact":"minor","message":"Investigating.","components":[{"id":"%s","status":"degraded_performance"}]}"""
                    .formatted(seq, component)).body()).get("id").asString();
            return true;
        });
        if (opened.accepted() != count) {
            throw new IllegalStateException("could open only " + opened.accepted() + " of " + count + " incidents");
        }
        return List.of(ids);
    }

    /**
     * Posts an update carrying the token, preferring the minimal answer (status, Location and ETag, no
     * body), as a tool that posts many updates would.
     */
    Http.Response update(String incident, String token) {
        return http.post(incidents + "/api/v1/incidents/" + incident + "/updates",
                "{\"message\":\"" + token + " Mitigation is rolling out; error rates are falling.\"}", "Prefer", "return=minimal");
    }

    /** Posts an update carrying the token; the answer's body is the incident at its new version, its whole timeline included. */
    Http.Response updateWithFullAnswer(String incident, String token) {
        return http.post(incidents + "/api/v1/incidents/" + incident + "/updates",
                "{\"message\":\"" + token + " Mitigation is rolling out; error rates are falling.\"}");
    }

    static long version(String incidentJson) {
        return JSON.readTree(incidentJson).path("version").asLong();
    }

    String timelineUrl(String incident) {
        return timeline + "/api/v1/incidents/" + incident;
    }

    /** Subscribes a webhook to the component; answers the subscription's id. */
    String webhook(String url, String component) {
        return JSON.readTree(http.expect("POST", notifications + "/api/v1/subscriptions",
                "{\"channel\":\"webhook\",\"url\":\"" + url + "\",\"components\":[\"" + component + "\"]}").body()).get("id").asString();
    }

    /** A subscription's newest deliveries (at most 500), each with its attempts, as notification-service recorded them. */
    JsonNode deliveries(String subscription) {
        return JSON.readTree(http.expect("GET", notifications + "/api/v1/subscriptions/" + subscription + "/deliveries?limit=500", null).body())
                .path("items");
    }

    /** Subscribes an address and confirms it with the link the confirmation mail carries, as its owner would. */
    void email(String address, String component, MailSink sink) {
        http.expect("POST", notifications + "/api/v1/subscriptions",
                "{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}");
        MailSink.Mail mail;
        try {
            mail = sink.take(address, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the confirmation mail to " + address, e);
        }
        if (mail == null) {
            throw new IllegalStateException("no confirmation mail reached " + address + " within 60 s");
        }
        Matcher link = CONFIRM.matcher(mail.text());
        if (!link.find()) {
            throw new IllegalStateException("the confirmation mail to " + address + " has no confirmation link");
        }
        // The link opens a page; its button POSTs the confirmation.
        http.expect("POST", notifications + link.group(1), null);
    }

    /**
     * Imports addresses as confirmed email subscribers of the component, the way an admin brings a list: one request
     * (at most 1,000 addresses), no confirmation mail. Answers how many were created.
     */
    int importSubscribers(List<String> addresses, String component) {
        String body = addresses.stream().map(a -> "{\"email\":\"" + a + "\",\"components\":[\"" + component + "\"]}")
                .collect(java.util.stream.Collectors.joining(",", "{\"subscribers\":[", "]}"));
        return JSON.readTree(http.expect("POST", notifications + "/api/v1/subscribers/import", body).body()).path("created").asInt();
    }

    /** The sum of a metric's series in a service's Prometheus scrape; NaN when the service does not answer. */
    double metric(String service, String name) {
        String base = switch (service) {
            case "incident" -> incidents;
            case "notification" -> notifications;
            default -> timeline;
        };
        Http.Response scrape = http.get(base + "/actuator/prometheus");
        if (!scrape.ok()) {
            return Double.NaN;
        }
        double sum = 0;
        for (String line : scrape.body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    JsonNode rebuild(String method) {
        return JSON.readTree(http.expect(method, timeline + "/api/v1/admin/rebuild", null).body());
    }
}
