package io.sitrep.incidentservice.integration.alertmanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sitrep.support.web.ReplaceUnsafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload, version 4, as Alertmanager sends it. Fields Alertmanager may add
 * later are ignored. Nothing is refused for its size (the body limit bounds it): long group keys are
 * shortened, texts cut and components capped to the REST API's limits. Control characters and other unsafe characters in its text become U+FFFD rather
 * than a refusal: Alertmanager cannot change its alert text, and a refused notification is a lost alert.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ReplaceUnsafeText
public record AlertmanagerNotification(
        String version,
        @NotBlank String groupKey,
        Integer truncatedAlerts,
        @NotNull @Pattern(regexp = "firing|resolved") String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        @NotEmpty List<@Valid @NotNull Alert> alerts) {

    public AlertmanagerNotification {
        groupLabels = groupLabels == null ? Map.of() : groupLabels;
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        truncatedAlerts = truncatedAlerts == null ? 0 : truncatedAlerts;
    }

    /** One alert of the group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @ReplaceUnsafeText
    public record Alert(
            @NotNull @Pattern(regexp = "firing|resolved") String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt,
            Instant endsAt,
            String generatorURL,
            String fingerprint) {

        public Alert {
            labels = labels == null ? Map.of() : labels;
            annotations = annotations == null ? Map.of() : annotations;
        }

        boolean firing() {
            return "firing".equals(status);
        }
    }

    boolean firing() {
        return "firing".equals(status);
    }
}
