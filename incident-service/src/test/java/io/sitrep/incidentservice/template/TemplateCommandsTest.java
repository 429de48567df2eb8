package io.sitrep.incidentservice.template;

import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.incidentservice.component.Component;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.incidentservice.maintenance.MutableClock;
import io.sitrep.incidentservice.template.application.TemplateCommands;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template rules, over in-memory ports: the SQL is covered by TemplateIT on PostgreSQL. */
class TemplateCommandsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final TemplateCommands commands = new TemplateCommands(templates, new OneComponent("api"), clock);

    @Test
    void redefiningKeepsTheCreationTimeAndReplacesTheContent() {
        TemplateCommands.Defined first = commands.define(new TemplateId("outage"), "Outage", "API down", Impact.MAJOR, "Looking.",
                List.of(new Template.ComponentSetting(new ComponentId("api"), ComponentStatus.MAJOR_OUTAGE)));
        clock.advance(Duration.ofHours(1));

        TemplateCommands.Defined second = commands.define(new TemplateId("outage"), "Outage", null, null, "Still looking.", List.of());

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.template().createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(second.template().updatedAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(second.template().title()).isNull();
        assertThat(second.template().components()).isEmpty();
    }

    @Test
    void aTemplateMaySetOnlyDefinedComponents() {
        assertThatThrownBy(() -> commands.define(new TemplateId("outage"), "Outage", null, null, null,
                List.of(new Template.ComponentSetting(new ComponentId("db"), ComponentStatus.MAJOR_OUTAGE))))
                .isInstanceOf(UnknownComponent.class);
        assertThat(templates.count()).isZero();
    }

    @Test
    void refusesANewTemplateBeyondTheLimitButStillReplacesExistingOnes() {
        for (int i = 0; i < TemplateCommands.MAX_TEMPLATES; i++) {
            commands.define(new TemplateId("t" + i), "T" + i, null, null, "m", List.of());
        }

        assertThatThrownBy(() -> commands.define(new TemplateId("one-more"), "One more", null, null, "m", List.of()))
                .isInstanceOf(TooManyTemplates.class).hasMessageContaining("At most " + TemplateCommands.MAX_TEMPLATES);
        assertThat(commands.define(new TemplateId("t0"), "Renamed", null, null, "m", List.of()).created()).isFalse();
    }

    @Test
    void deletingAnUnknownTemplateIsRefused() {
        assertThatThrownBy(() -> commands.delete(new TemplateId("nothing"))).isInstanceOf(UnknownTemplate.class);
        assertThatThrownBy(() -> commands.get(new TemplateId("nothing"))).isInstanceOf(UnknownTemplate.class);
    }

    private static final class InMemoryTemplates implements Templates {

        private final Map<TemplateId, Template> stored = new LinkedHashMap<>();

        @Override
        public Optional<Template> find(TemplateId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public List<Template> all() {
            return stored.values().stream().sorted(Comparator.comparing(Template::name)).toList();
        }

        @Override
        public long count() {
            return stored.size();
        }

        @Override
        public boolean put(Template template) {
            return stored.put(template.id(), template) == null;
        }

        @Override
        public boolean remove(TemplateId id) {
            return stored.remove(id) != null;
        }
    }

    /** Components with one defined component. */
    private static final class OneComponent implements Components {

        private final Map<ComponentId, Component> components = new TreeMap<>(Comparator.comparing(ComponentId::value));

        OneComponent(String id) {
            Component component = Component.define(new ComponentId(id), id, null, null, Instant.EPOCH).component();
            components.put(component.id(), component);
        }

        @Override
        public Map<ComponentId, Component> lockAll(Collection<ComponentId> ids) {
            Map<ComponentId, Component> found = new TreeMap<>(Comparator.comparing(ComponentId::value));
            ids.forEach(id -> Optional.ofNullable(components.get(id)).ifPresent(c -> found.put(id, c)));
            return found;
        }

        @Override
        public Optional<ComponentSnapshot> find(ComponentId id) {
            return Optional.ofNullable(components.get(id)).map(Component::snapshot);
        }

        @Override
        public List<ComponentSnapshot> all() {
            return components.values().stream().map(Component::snapshot).toList();
        }

        @Override
        public boolean addIfAbsent(Component component) {
            return components.putIfAbsent(component.id(), component) == null;
        }

        @Override
        public void save(Component component) {
            components.put(component.id(), component);
        }
    }
}
