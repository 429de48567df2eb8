package io.sitrep.incidentservice.component;

/** No component has this id. */
public final class UnknownComponent extends RuntimeException {

    private final ComponentId id;

    public UnknownComponent(ComponentId id) {
        super("No component has the id '" + id + "'; define it with PUT /api/v1/components/" + id + " first.");
        this.id = id;
    }

    public ComponentId id() {
        return id;
    }
}
