package io.sitrep.incidentservice.web;

import io.sitrep.testsupport.Api;
import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx problem naming what is wrong, and changes nothing. */
class BadRequestIT extends IntegrationTest {

    private long incidentsBefore;
    private long updatesBefore;
    private long componentsBefore;

    @BeforeEach
    void countState() {
        incidentsBefore = count("incidents");
        updatesBefore = count("incident_updates");
        componentsBefore = count("components");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(count("incidents")).isEqualTo(incidentsBefore);
        assertThat(count("incident_updates")).isEqualTo(updatesBefore);
        assertThat(count("components")).isEqualTo(componentsBefore);
    }

    @Test
    void malformedJsonIsABadRequest() {
        api.post("/api/v1/incidents", "{\"title\": \"Broken").expectProblem(400, "malformed-request");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"yesterday\"}")
                .expectProblem(400, "malformed-request");

        assertThat(field(problem, 0)).isEqualTo("occurredAt");
    }

    @Test
    void aNumberWhereTextBelongsIsNotCoerced() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":5,\"message\":\"m\"}").expectProblem(400, "malformed-request");

        assertThat(field(problem, 0)).isEqualTo("title");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\",\"impact\":\"catastrophic\"}")
                .expectProblem(400, "malformed-request");

        assertThat(field(problem, 0)).isEqualTo("impact");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("critical");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\",\"stauts\":\"identified\"}")
                .expectProblem(400, "malformed-request");

        assertThat(field(problem, 0)).isEqualTo("stauts");
    }

    @Test
    void missingFieldsAreEachNamed() {
        JsonNode problem = api.post("/api/v1/incidents", "{}").expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains("title", "message");
    }

    @Test
    void aTitleOverItsLimitIsRefused() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"" + "x".repeat(201) + "\",\"message\":\"m\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem, 0)).isEqualTo("title");
    }

    @Test
    void aBadComponentInAListIsNamedWithItsIndex() {
        JsonNode problem = api.post("/api/v1/incidents", """
                {"title":"t","message":"m","components":[{"id":"Not Valid","status":"major_outage"}]}""")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem, 0)).isEqualTo("components[0].id");
    }

    @Test
    void anUnknownComponentIsNotFoundAndOpensNothing() {
        api.post("/api/v1/incidents", """
                {"title":"t","message":"m","components":[{"id":"no-such-component","status":"major_outage"}]}""")
                .expectProblem(404, "unknown-component");
    }

    @Test
    void openingAsResolvedIsRefused() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\",\"status\":\"resolved\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem, 0)).isEqualTo("status");
    }

    @Test
    void anOccurrenceInTheFutureIsRefused() {
        api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}")
                .expectProblem(400, "validation-failed");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String body = "{\"title\":\"t\",\"message\":\"" + "x".repeat(1100 * 1024) + "\"}";

        api.post("/api/v1/incidents", body).expectProblem(413, "payload-too-large");
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhileItIsRead() throws Exception {
        byte[] body = ("{\"title\":\"t\",\"message\":\"" + "x".repeat(1100 * 1024) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/incidents"))
                .header("Authorization", "Bearer " + WRITER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:sitrep:problem:payload-too-large");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        api.get("/api/v1/incidents/" + unknown).expectProblem(404, "unknown-incident");
        api.post("/api/v1/incidents/" + unknown + "/updates", "{\"message\":\"m\"}").expectProblem(404, "unknown-incident");
        api.post("/api/v1/incidents/" + unknown + "/resolve", "{\"message\":\"m\"}").expectProblem(404, "unknown-incident");
    }

    @Test
    void anIncidentIdThatIsNoUuidIsABadRequest() {
        api.get("/api/v1/incidents/not-a-uuid").expect(400);
    }

    @Test
    void updatingAResolvedIncidentIsAConflictNamingTheRule() {
        String id = resolvedIncident();

        api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Late news.\"}").expectProblem(409, "incident-already-resolved");
        api.post("/api/v1/incidents/" + id + "/resolve", "{\"message\":\"Again.\"}").expectProblem(409, "incident-already-resolved");
    }

    @Test
    void reopeningAnOpenIncidentOrPublishingItsPostmortemIsAConflict() {
        String id = openIncident();

        api.post("/api/v1/incidents/" + id + "/reopen", "{\"message\":\"Why?\"}").expectProblem(409, "incident-not-resolved");
        api.put("/api/v1/incidents/" + id + "/postmortem", "{\"body\":\"Too early.\"}").expectProblem(409, "incident-not-resolved");
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = openIncident();

        api.send("POST", "/api/v1/incidents/" + id + "/updates", "{\"message\":\"Based on old news.\"}", Map.of("If-Match", "\"7\""))
                .expectProblem(412, "stale-version");

        assertThat(api.get("/api/v1/incidents/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aCurrentIfMatchIsAccepted() {
        String id = openIncident();

        Api.Response response = api.send("POST", "/api/v1/incidents/" + id + "/updates", "{\"message\":\"Current.\"}",
                Map.of("If-Match", "\"1\"")).expect(201);

        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        updatesBefore++;
    }

    @Test
    void aWrongMediaTypeIsRefused() {
        api.send("POST", "/api/v1/incidents", "title=t", Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .expectProblem(415, "unsupported-media-type");
    }

    @Test
    void aBadComponentIdInThePathIsNamed() {
        JsonNode problem = api.put("/api/v1/components/Bad%20Id", "{\"name\":\"x\"}").expectProblem(400, "validation-failed");

        assertThat(field(problem, 0)).isEqualTo("id");
    }

    private String openIncident() {
        String id = anOpenIncident("Setup for a refusal");
        incidentsBefore++;
        updatesBefore++;
        return id;
    }

    private String resolvedIncident() {
        String id = openIncident();
        api.post("/api/v1/incidents/" + id + "/resolve", "{\"message\":\"Done.\"}").expect(200);
        updatesBefore++;
        return id;
    }

    private static String field(JsonNode problem, int index) {
        return problem.get("errors").get(index).get("field").asString();
    }
}
