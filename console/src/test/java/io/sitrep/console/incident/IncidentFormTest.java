package io.sitrep.console.incident;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentFormTest {

    @Test
    void leavesBlankFieldsOutSoThatTheTemplateFillsThem() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("template", "checkout-down");
        typed.put("title", "  ");
        typed.put("status", "investigating");
        typed.put("impact", "");
        typed.put("visibility", "internal");
        typed.put("message", "");

        Map<String, Object> request = IncidentForm.from(typed).openRequest();

        assertThat(request).containsOnlyKeys("template", "status", "visibility");
    }

    @Test
    void sendsEachChosenComponentWithItsStatusAndLeavesOutThoseLeftUnchanged() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("message", "Rolled back.");
        typed.put("component.api", "major_outage");
        typed.put("component.web", "");
        typed.put("_csrf", "token");

        Map<String, Object> request = IncidentForm.from(typed).updateRequest();

        assertThat(request).containsEntry("message", "Rolled back.")
                .containsEntry("components", List.of(Map.of("id", "api", "status", "major_outage")))
                .doesNotContainKey("_csrf");
    }

    @Test
    void sendsAnEmptyResolveMessageSoThatTheServiceNamesTheField() {
        Map<String, Object> request = IncidentForm.from(Map.of()).resolveRequest();

        assertThat(request).containsEntry("message", "");
    }
}
