package io.sitrep.support.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void anErrorStatusSentOutsideSpringMvcIsAProblemOfThatStatus() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/incidents/x");

        ResponseEntity<ProblemDetail> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType()).hasToString("urn:sitrep:problem:bad-request");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/incidents/x");
    }

    @Test
    void anExceptionOutsideSpringMvcIsAnInternalErrorWithoutItsMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"));

        ResponseEntity<ProblemDetail> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getType()).hasToString("urn:sitrep:problem:internal-error");
        assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    }
}
