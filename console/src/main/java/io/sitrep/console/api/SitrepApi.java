package io.sitrep.console.api;

import io.sitrep.console.signin.Person;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Calls the services' REST APIs with the console's key, naming the person signed in as {@code Sitrep-Actor}, so that
 * every change is recorded as theirs (reads name nobody). Reads go to timeline-service's authenticated API (which lists internal
 * incidents too); commands go to incident-service; subscribers and deliveries are notification-service's. Refusals become {@link ApiProblem}s, 412 a {@link VersionConflict}.
 */
public class SitrepApi {

    /** The header naming the person a trusted client acts for. */
    static final String ACTOR_HEADER = "Sitrep-Actor";

    private final RestClient incident;
    private final RestClient timeline;
    private final RestClient notification;
    private final ObjectMapper json;

    public SitrepApi(ApiSettings settings, ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        this.incident = client(settings.incidentUrl(), settings.key(), requests);
        this.timeline = client(settings.timelineUrl(), settings.key(), requests);
        this.notification = client(settings.notificationUrl(), settings.key(), requests);
        this.json = json;
    }

    private static RestClient client(URI base, String key, JdkClientHttpRequestFactory requests) {
        return RestClient.builder()
                .baseUrl(base.toString())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
    }

    /** Open incidents, internal ones included, newest first. */
    public JsonNode openIncidents(Person person) {
        return openIncidents();
    }

    /** The open incidents, internal ones included, as the console's own key reads them (the live watch's read). */
    public JsonNode openIncidents() {
        return call("timeline-service", () -> timeline.get().uri("/api/v1/incidents?status=open&limit=100")
                .retrieve().body(JsonNode.class));
    }

    public JsonNode components(Person person) {
        return call("timeline-service", () -> timeline.get().uri("/api/v1/components")
                .retrieve().body(JsonNode.class));
    }

    /** Maintenance windows by status: {@code upcoming} or {@code active}. */
    public JsonNode maintenances(Person person, String status) {
        return call("timeline-service", () -> timeline.get().uri("/api/v1/maintenances?status={status}&limit=100", status)
                .retrieve().body(JsonNode.class));
    }

    /** The components incidents may affect, as incident-service defines them. */
    public JsonNode incidentComponents() {
        return call("incident-service", () -> incident.get().uri("/api/v1/components").retrieve().body(JsonNode.class));
    }

    public JsonNode templates(Person person) {
        return call("incident-service", () -> incident.get().uri("/api/v1/templates")
                .retrieve().body(JsonNode.class));
    }

    /** The incident as incident-service has it now, with its version and every update. */
    public JsonNode incident(Person person, String id) {
        return call("incident-service", () -> incident.get().uri("/api/v1/incidents/{id}", id)
                .retrieve().body(JsonNode.class));
    }

    /** Opens an incident; answers the incident opened. */
    public JsonNode open(Person person, Map<String, Object> request) {
        return command(person, "/api/v1/incidents", null, request);
    }

    public JsonNode update(Person person, String id, long version, Map<String, Object> request) {
        return command(person, "/api/v1/incidents/" + id + "/updates", version, request);
    }

    public JsonNode publish(Person person, String id, long version, Map<String, Object> request) {
        return command(person, "/api/v1/incidents/" + id + "/publish", version, request);
    }

    public JsonNode resolve(Person person, String id, long version, Map<String, Object> request) {
        return command(person, "/api/v1/incidents/" + id + "/resolve", version, request);
    }

    /** Renames or re-rates: {@code title} and {@code impact}, each left out when unchanged. */
    public JsonNode edit(Person person, String id, long version, Map<String, Object> request) {
        return command(HttpMethod.PATCH, person, "/api/v1/incidents/" + id, version, request);
    }

    /** Corrects the text of one update. */
    public JsonNode editUpdate(Person person, String id, String updateId, long version, Map<String, Object> request) {
        return command(HttpMethod.PATCH, person, "/api/v1/incidents/" + id + "/updates/" + updateId, version, request);
    }

    public JsonNode reopen(Person person, String id, long version, Map<String, Object> request) {
        return command(person, "/api/v1/incidents/" + id + "/reopen", version, request);
    }

    /** Publishes or revises the postmortem of a resolved incident: {@code body}, its Markdown. */
    public JsonNode postmortem(Person person, String id, long version, Map<String, Object> request) {
        return command(HttpMethod.PUT, person, "/api/v1/incidents/" + id + "/postmortem", version, request);
    }

    /** Deletes a mistaken incident, giving the reason; incident-service answers no body. */
    public void delete(Person person, String id, long version, Map<String, Object> request) {
        command(HttpMethod.DELETE, person, "/api/v1/incidents/" + id, version, request);
    }

    /**
     * A page of incident-service's audit: who did what, newest first. Blank filters are left out.
     *
     * @param cursor the previous page's {@code nextCursor}, or blank for the first page
     */
    public JsonNode audit(Person person, String since, String until, String actor, int limit, String cursor) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("since", since);
        filters.put("until", until);
        filters.put("actor", actor);
        filters.put("cursor", cursor);
        Query query = Query.of("/api/v1/audit", limit, filters);
        return call("incident-service", () -> incident.get().uri(query.template(), query.values()).retrieve().body(JsonNode.class));
    }

    /** How many subscriptions are active and pending, per channel and component. */
    public JsonNode subscriberCounts() {
        return call("notification-service", () -> notification.get().uri("/api/v1/subscribers/counts").retrieve().body(JsonNode.class));
    }

    /**
     * A page of the subscriptions of one email address or one host (exactly one of them not blank); admins only.
     *
     * @param cursor the previous page's {@code nextCursor}, or blank for the first page
     */
    public JsonNode findSubscribers(Person person, String email, String host, int limit, String cursor) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("email", email);
        filters.put("host", host);
        filters.put("cursor", cursor);
        Query query = Query.of("/api/v1/subscribers/search", limit, filters);
        return call("notification-service", () -> notification.get().uri(query.template(), query.values()).retrieve().body(JsonNode.class));
    }

    /** Deletes a subscription as the person; what it still had to receive is cancelled. */
    public void removeSubscription(Person person, String id) {
        call("notification-service", () -> notification.delete().uri("/api/v1/subscriptions/{id}", id)
                .header(ACTOR_HEADER, person.name()).retrieve().body(JsonNode.class));
    }

    /** Subscriptions failing now or disabled, each with its last delivery error. */
    public JsonNode failingEndpoints(int limit) {
        return call("notification-service", () -> notification.get().uri("/api/v1/deliveries/failing?limit={limit}", limit)
                .retrieve().body(JsonNode.class));
    }

    /** Dead letters of every subscription, those that died last first. */
    public JsonNode deadLetters(int limit) {
        return call("notification-service", () -> notification.get().uri("/api/v1/deliveries/dead?limit={limit}", limit)
                .retrieve().body(JsonNode.class));
    }

    /** Queues dead letters again as the person, or (dry run) counts them; answers {@code redriven} and {@code dryRun}. */
    public JsonNode redrive(Person person, Map<String, Object> request) {
        return call("notification-service", () -> notification.post().uri("/api/v1/deliveries/redrive")
                .header(ACTOR_HEADER, person.name())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(JsonNode.class));
    }

    /** One component as incident-service defines it, with its description and status. */
    public JsonNode component(Person person, String id) {
        return call("incident-service", () -> incident.get().uri("/api/v1/components/{id}", id).retrieve().body(JsonNode.class));
    }

    /** Creates a component, or changes its name, group, description and position; {@code id} is a checked component id. */
    public JsonNode defineComponent(Person person, String id, Map<String, Object> request) {
        return command(HttpMethod.PUT, person, "/api/v1/components/" + id, null, request);
    }

    /** Sets a component's status outside any incident. */
    public JsonNode setComponentStatus(Person person, String id, Map<String, Object> request) {
        return command(HttpMethod.PATCH, person, "/api/v1/components/" + id, null, request);
    }

    /** Every maintenance window timeline-service has, newest planned start first, up to 100. */
    public JsonNode allMaintenances(Person person) {
        return call("timeline-service", () -> timeline.get().uri("/api/v1/maintenances?status=all&limit=100")
                .retrieve().body(JsonNode.class));
    }

    /** One maintenance window as incident-service has it now, with its version and every update. */
    public JsonNode maintenance(Person person, String id) {
        return call("incident-service", () -> incident.get().uri("/api/v1/maintenances/{id}", id).retrieve().body(JsonNode.class));
    }

    /** Schedules a maintenance window; answers the window scheduled. */
    public JsonNode scheduleMaintenance(Person person, Map<String, Object> request) {
        return command(person, "/api/v1/maintenances", null, request);
    }

    /**
     * A command on a maintenance window, sent with the version the person saw as If-Match.
     *
     * @param action {@code updates}, {@code start}, {@code complete} or {@code cancel}
     */
    public JsonNode maintenanceCommand(Person person, String id, String action, long version, Map<String, Object> request) {
        return command(person, "/api/v1/maintenances/" + id + "/" + action, version, request);
    }

    public JsonNode template(Person person, String id) {
        return call("incident-service", () -> incident.get().uri("/api/v1/templates/{id}", id).retrieve().body(JsonNode.class));
    }

    /** Creates a template, or replaces its content. */
    public JsonNode defineTemplate(Person person, String id, Map<String, Object> request) {
        return command(HttpMethod.PUT, person, "/api/v1/templates/" + id, null, request);
    }

    private JsonNode command(Person person, String path, Long version, Map<String, Object> request) {
        return command(HttpMethod.POST, person, path, version, request);
    }

    private JsonNode command(HttpMethod method, Person person, String path, Long version, Map<String, Object> request) {
        return call("incident-service", () -> {
            RestClient.RequestBodySpec spec = incident.method(method).uri(path)
                    .header(ACTOR_HEADER, person.name())
                    .contentType(MediaType.APPLICATION_JSON);
            if (version != null) {
                spec = spec.header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
            }
            return spec.body(request).retrieve().body(JsonNode.class);
        });
    }

    private JsonNode call(String service, java.util.function.Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            throw problem(service, e.getStatusCode(), e.getResponseBodyAsString(), json::readTree);
        } catch (ResourceAccessException e) {
            throw new ApiProblem(503, service, service + " could not be reached", "Try again in a moment.", Map.of());
        }
    }

    static ApiProblem problem(String service, HttpStatusCode status, String body, Function<String, JsonNode> parse) {
        JsonNode problem;
        try {
            problem = body == null || body.isBlank() ? null : parse.apply(body);
        } catch (RuntimeException notJson) {
            problem = null;
        }
        String title = problem != null && problem.path("title").isString() ? problem.path("title").asString() : service + " answered " + status.value();
        String detail = problem != null && problem.path("detail").isString() ? problem.path("detail").asString() : null;
        if (status.value() == 412) {
            return new VersionConflict(service, title, detail);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                String field = formField(error.path("field").asString(""));
                fields.merge(field, error.path("message").asString(""), (a, b) -> a + "; " + b);
            }
        }
        return new ApiProblem(status.value(), service, title, detail, fields);
    }

    /** The form field a problem's field is shown next to: {@code components[0].status} is shown at {@code components}. */
    static String formField(String field) {
        int cut = field.length();
        for (char stop : new char[]{'[', '.'}) {
            int at = field.indexOf(stop);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return field.substring(0, cut);
    }

    /** A paged read's URI template with its filters: blank ones left out, the others as template variables. */
    private record Query(String template, Map<String, String> values) {

        static Query of(String path, int limit, Map<String, String> filters) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("limit", limit);
            Map<String, String> values = new LinkedHashMap<>();
            filters.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    // As a template variable, so that the value is encoded strictly ("+" stays "+").
                    uri.queryParam(name, "{" + name + "}");
                    values.put(name, value.strip());
                }
            });
            return new Query(uri.build().toUriString(), values);
        }
    }
}
