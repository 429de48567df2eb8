package io.sitrep.incidentservice.template;

/** A new template would pass the most templates the service keeps. */
public final class TooManyTemplates extends RuntimeException {

    public TooManyTemplates(int limit) {
        super("At most " + limit + " templates can be defined; delete one before defining another.");
    }
}
