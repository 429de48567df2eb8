package io.sitrep.incidentservice.incident.web;

import io.sitrep.incidentservice.incident.IncidentLimits;

/** Sizes the API accepts; larger values are refused with a 400 naming the field. */
final class Limits {

    static final int TITLE = IncidentLimits.TITLE;
    static final int MESSAGE = IncidentLimits.MESSAGE;
    static final int POSTMORTEM = IncidentLimits.POSTMORTEM;
    static final int COMPONENTS = IncidentLimits.COMPONENTS;

    private Limits() {
    }
}
