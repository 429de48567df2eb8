package io.sitrep.incidentservice.template;

/** No template has this id. */
public final class UnknownTemplate extends RuntimeException {

    private final TemplateId id;

    public UnknownTemplate(TemplateId id) {
        super("No template has the id '" + id + "'; define it with PUT /api/v1/templates/" + id + " first.");
        this.id = id;
    }

    public TemplateId id() {
        return id;
    }
}
