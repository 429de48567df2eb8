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

    @Test
    void sendsOnlyTheTitleOrImpactTypedWhenRenamingOrReRating() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", "  Checkout slow, not down  ");
        typed.put("impact", "");
        typed.put("version", "4");

        Map<String, Object> request = IncidentForm.from(typed).editRequest();

        assertThat(request).containsExactly(Map.entry("title", "Checkout slow, not down"));
    }

    @Test
    void sendsAnEmptyMessageWhenCorrectingAnUpdateSoThatTheServiceNamesTheField() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("message", "   ");

        Map<String, Object> request = IncidentForm.from(typed).editUpdateRequest();

        assertThat(request).containsExactly(Map.entry("message", ""));
    }

    @Test
    void reopensWithTheMessageAndTheStatusChosen() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("status", "identified");
        typed.put("message", "Errors are back.");

        Map<String, Object> request = IncidentForm.from(typed).reopenRequest();

        assertThat(request).containsExactly(Map.entry("message", "Errors are back."), Map.entry("status", "identified"));
    }

    @Test
    void sendsTheReasonToDeleteStrippedAndAnEmptyOneWhenNoneWasGiven() {
        Map<String, Object> withReason = IncidentForm.deleteRequest(Map.of("reason", "  Opened for the wrong tenant ", "version", "2"));
        Map<String, Object> without = IncidentForm.deleteRequest(Map.of("version", "2"));

        assertThat(withReason).containsExactly(Map.entry("reason", "Opened for the wrong tenant"));
        assertThat(without).containsExactly(Map.entry("reason", ""));
    }
}
