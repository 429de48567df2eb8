package io.sitrep.incidentservice.incident.web;

/** Sizes the API accepts; larger values are refused with a 400 naming the field. */
final class Limits {

    static final int TITLE = 200;
    static final int MESSAGE = 10_000;
    static final int POSTMORTEM = 100_000;
    static final int COMPONENTS = 50;

    private Limits() {
    }
}
