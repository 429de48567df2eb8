package io.sitrep.timeline.security;

import io.sitrep.support.web.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccessFilterTest {

    private static final String READ_KEY = "reader-key";
    private static final String ADMIN_KEY = "admin-key";

    @Test
    void withPrivateReadsEveryPathButTheActuatorNeedsAReadOrAdminKey() throws Exception {
        AccessFilter filter = filter(false);

        assertThat(status(filter, "/api/v1/incidents", null)).isEqualTo(401);
        assertThat(status(filter, "/", null)).isEqualTo(401);
        assertThat(status(filter, "/api/v2/summary.json", "Bearer wrong")).isEqualTo(401);
        assertThat(status(filter, "/api/v1/incidents", "Bearer " + READ_KEY)).isEqualTo(200);
        assertThat(status(filter, "/feed.atom", "Bearer " + ADMIN_KEY)).isEqualTo(200);
        assertThat(status(filter, "/actuator/health", null)).isEqualTo(200);
    }

    @Test
    void aReadKeyDoesNotOpenTheAdminApi() throws Exception {
        AccessFilter filter = filter(false);

        assertThat(status(filter, "/api/v1/admin/rebuild", "Bearer " + READ_KEY)).isEqualTo(401);
        assertThat(status(filter, "/api/v1/admin/rebuild", "Bearer " + ADMIN_KEY)).isEqualTo(200);
    }

    @Test
    void withoutAnAdminKeyTheAdminApiIsDisabled() throws Exception {
        AccessFilter filter = new AccessFilter(new AccessSettings("", "", true, List.of()), problemWriter());

        assertThat(status(filter, "/api/v1/admin/rebuild", "Bearer anything")).isEqualTo(403);
        assertThat(status(filter, "/api/v1/incidents", null)).isEqualTo(200);
    }

    private static AccessFilter filter(boolean publicReads) {
        return new AccessFilter(new AccessSettings(AccessFilter.sha256(ADMIN_KEY), "", publicReads, List.of(AccessFilter.sha256(READ_KEY))),
                problemWriter());
    }

    private static int status(AccessFilter filter, String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private static ProblemWriter problemWriter() {
        return new ProblemWriter(JsonMapper.builder().build());
    }
}
