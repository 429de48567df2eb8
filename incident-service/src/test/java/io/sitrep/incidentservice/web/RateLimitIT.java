package io.sitrep.incidentservice.web;

import io.sitrep.testsupport.Api;
import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each key has a request budget; beyond it the answer is 429 with Retry-After. */
@TestPropertySource(properties = {
        "sitrep.security.rate-limit.requests-per-period=3",
        "sitrep.security.rate-limit.period=1h",
})
class RateLimitIT extends IntegrationTest {

    @Test
    void requestsBeyondTheBudgetAreTooManyWithRetryAfter() {
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            responses.add(api.as(READER_KEY).get("/api/v1/components"));
        }

        assertThat(responses.subList(0, 3)).allSatisfy(r -> r.expect(200));
        responses.get(3).expectProblem(429, "rate-limited");
        assertThat(Long.parseLong(responses.get(3).header("Retry-After"))).isPositive();
        api.as(WRITER_KEY).get("/api/v1/components").expect(200);
    }
}
