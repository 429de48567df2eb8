package io.sitrep.incidentservice.maintenance;

/** A window that cannot be scheduled as asked: answered 400 naming {@link #field()}. */
public final class InvalidMaintenanceWindow extends RuntimeException {

    private final String field;

    public InvalidMaintenanceWindow(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
