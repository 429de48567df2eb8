package io.sitrep.incidentservice.template.web;

import io.sitrep.incidentservice.incident.IncidentLimits;

/** Sizes the template API accepts, those of the incidents it fills; larger values are refused with a 400 naming the field. */
final class TemplateLimits {

    static final int NAME = 100;
    static final int TITLE = IncidentLimits.TITLE;
    static final int MESSAGE = IncidentLimits.MESSAGE;
    static final int COMPONENTS = IncidentLimits.COMPONENTS;
    static final String COMPONENT_ID_MESSAGE = "must be a component id: lower-case letters, digits, '.', '_' or '-', at most 64";

    private TemplateLimits() {
    }
}
