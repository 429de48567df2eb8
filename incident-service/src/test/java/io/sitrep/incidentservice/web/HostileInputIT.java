package io.sitrep.incidentservice.web;

import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "hostile input gets a clear 4xx, never a 500, and loses nothing": text the database cannot
 * store or a terminal would obey, times out of any sensible range and malformed parameters are
 * refused with a problem naming the field, and change nothing.
 */
class HostileInputIT extends IntegrationTest {

    @Test
    void aNulInATitleIsRefusedNamingTheFieldAndOpensNothing() {
        long before = count("incidents");

        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"Disk\\u0000full\",\"message\":\"m\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("title");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("U+0000");
        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateWrittenAsAJsonEscapeIsRefused() {
        long before = count("incidents");

        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"half a pair \\ud800\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("message");
        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void aNoncharacterInAComponentNameIsRefusedAndDefinesNothing() {
        String id = freshComponentId("hostile");

        JsonNode problem = api.put("/api/v1/components/" + id, "{\"name\":\"Check\\uffffout\",\"group\":\"Core\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("name");
        api.get("/api/v1/components/" + id).expectProblem(404, "unknown-component");
    }

    @Test
    void anEscapeSequenceInAnUpdateLeavesTheIncidentAtItsVersion() {
        String id = anOpenIncident("Terminal escapes");

        JsonNode problem = api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"\\u001b[2J cleared\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("message");
        assertThat(api.get("/api/v1/incidents/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aNulInAComponentListIsNamedWithItsIndex() {
        JsonNode problem = api.post("/api/v1/incidents", """
                {"title":"t","message":"m","components":[{"id":"checkout\\u0000","status":"major_outage"}]}""")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("components[0].id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
    void anOccurrenceOutsideTheAcceptedRangeIsRefusedNamingTheField(String occurredAt) {
        long before = count("incidents");

        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"" + occurredAt + "\"}")
                .expect(400).json();

        assertThat(field(problem)).isEqualTo("occurredAt");
        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void anUpdateOccurringInYearOneLeavesTheIncidentAtItsVersion() {
        String id = anOpenIncident("Old news");

        JsonNode problem = api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"m\",\"occurredAt\":\"0001-01-01T00:00:00Z\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("occurredAt");
        assertThat(api.get("/api/v1/incidents/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void anIncidentIdThatIsNoUuidNamesTheParameter() {
        JsonNode problem = api.get("/api/v1/incidents/not-a-uuid/updates").expectProblem(400, "invalid-parameter");

        assertThat(field(problem)).isEqualTo("id");
    }

    @Test
    void aCursorThisApiDidNotGiveOutIsRefusedNamingIt() {
        String id = anOpenIncident("Cursors");

        JsonNode problem = api.get("/api/v1/incidents/" + id + "/updates?cursor=%00").expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("cursor");
    }

    @Test
    void aPageSizeOutOfRangeOrNotANumberIsRefusedNamingIt() {
        String id = anOpenIncident("Limits");

        assertThat(field(api.get("/api/v1/incidents/" + id + "/updates?limit=0").expectProblem(400, "validation-failed"))).isEqualTo("limit");
        assertThat(field(api.get("/api/v1/incidents/" + id + "/updates?limit=1001").expectProblem(400, "validation-failed"))).isEqualTo("limit");
        assertThat(field(api.get("/api/v1/incidents/" + id + "/updates?limit=many").expectProblem(400, "invalid-parameter"))).isEqualTo("limit");
    }

    @Test
    void malformedPercentEncodingInTheQueryIsAProblemNamingTheParameter() throws IOException {
        String id = anOpenIncident("Percent signs");

        String response = raw("GET /api/v1/incidents/" + id + "/updates?cursor=%%% HTTP/1.1");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"cursor\"").doesNotContain("<html");
    }

    @Test
    void malformedPercentEncodingInThePathIsAProblem() throws IOException {
        String response = raw("GET /api/v1/incidents/%%% HTTP/1.1");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"urn:sitrep:problem:bad-request\"").doesNotContain("<html");
    }

    @Test
    void theContainersErrorPageIsAProblemToo() {
        api.as(null).get("/error").expectProblem(401, "unauthenticated");
        api.get("/error").expectProblem(404, "not-found");
    }

    /** A request written by hand: clients refuse to send malformed percent-encoding. */
    private String raw(String requestLine) throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + WRITER_KEY + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}
