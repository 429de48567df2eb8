package io.sitrep.incidentservice.template;

import java.util.List;
import java.util.Optional;

/** Where templates are kept. Changes happen inside the caller's transaction. */
public interface Templates {

    Optional<Template> find(TemplateId id);

    /** Every template, by name. */
    List<Template> all();

    long count();

    /** Stores the template, replacing one with its id; true when there was none (keeping the first creation time otherwise). */
    boolean put(Template template);

    /** Removes the template; false when there was none. */
    boolean remove(TemplateId id);
}
