package io.sitrep.console.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SitrepApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void showsEachProblemNextToTheFieldItNames() {
        String body = """
                {"type":"about:blank","title":"The request is not valid","status":400,"detail":"title must not be blank",
                 "errors":[{"field":"title","message":"must not be blank"},{"field":"components[0].status","message":"must be a component status"}]}""";

        ApiProblem problem = SitrepApi.problem("incident-service", HttpStatusCode.valueOf(400), body, json::readTree);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.inWords()).isEqualTo("The request is not valid: title must not be blank");
        assertThat(problem.fields()).containsEntry("title", "must not be blank").containsEntry("components", "must be a component status");
    }

    @Test
    void makesA412AConflictToShow() {
        ApiProblem problem = SitrepApi.problem("incident-service", HttpStatusCode.valueOf(412),
                "{\"title\":\"The incident changed\",\"status\":412}", json::readTree);

        assertThat(problem).isInstanceOf(VersionConflict.class);
        assertThat(problem.title()).isEqualTo("The incident changed");
    }

    @Test
    void saysWhatAnswerItGotWhenTheBodyIsNoProblem() {
        ApiProblem problem = SitrepApi.problem("timeline-service", HttpStatusCode.valueOf(502), "<html>bad gateway</html>", json::readTree);

        assertThat(problem.inWords()).isEqualTo("timeline-service answered 502");
        assertThat(problem.fields()).isEmpty();
    }
}
