package io.sitrep.incidentservice.template.web;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.incidentservice.component.ComponentId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A template's content; each part but the name may be left out, and then fills nothing.
 *
 * @param name       what responders call it
 * @param title      the title of incidents opened with it
 * @param impact     the impact it sets
 * @param message    the update message it posts (Markdown)
 * @param components the component statuses it sets; each component must be defined
 */
record DefineTemplateRequest(
        @NotBlank @Size(max = TemplateLimits.NAME) String name,
        @Size(max = TemplateLimits.TITLE) String title,
        Impact impact,
        @Size(max = TemplateLimits.MESSAGE) String message,
        @Size(max = TemplateLimits.COMPONENTS) List<@Valid @NotNull ComponentSettingInput> components) {

    /** A component the template sets, and the status it sets it to. */
    record ComponentSettingInput(
            @NotNull @Pattern(regexp = ComponentId.PATTERN, message = TemplateLimits.COMPONENT_ID_MESSAGE) String id,
            @NotNull ComponentStatus status) {
    }
}
