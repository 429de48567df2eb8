package io.sitrep.incidentservice.maintenance.web;

/** Sizes the maintenance API accepts, the same as for incidents; larger values are refused with a 400 naming the field. */
final class MaintenanceLimits {

    static final int TITLE = 200;
    static final int MESSAGE = 10_000;
    static final int COMPONENTS = 50;
    static final int PAGE = 100;
    static final int DEFAULT_PAGE = 20;
    static final String COMPONENT_ID_MESSAGE = "must be a component id: lower-case letters, digits, '.', '_' or '-', at most 64";

    private MaintenanceLimits() {
    }
}
