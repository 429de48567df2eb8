package io.sitrep.bench;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run measured, as a table for people and as JSON for tools. */
final class Report {

    /** A target a figure is held to: at least or at most a bound; none for figures reported without one. */
    record Target(String relation, double bound) {

        static final Target NONE = new Target("", Double.NaN);

        static Target atLeast(double bound) {
            return new Target(">=", bound);
        }

        static Target atMost(double bound) {
            return new Target("<=", bound);
        }

        String verdict(double value) {
            if (relation.isEmpty()) {
                return "";
            }
            if (Double.isNaN(value)) {
                return "not measured";
            }
            return (relation.equals(">=") ? value >= bound : value <= bound) ? "met" : "MISSED";
        }

        String describe(String unit) {
            return relation.isEmpty() ? "" : relation + " " + number(bound) + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    /** One figure. */
    record Row(String scenario, String measure, double value, String unit, Target target, String note) {
    }

    private final Machine machine;
    private final Instant started = Instant.now();
    private final Map<String, String> settings;
    private final List<Row> rows = new ArrayList<>();

    Report(Machine machine, Map<String, String> settings) {
        this.machine = machine;
        this.settings = settings;
    }

    synchronized void add(String scenario, String measure, double value, String unit, Target target, String note) {
        Row row = new Row(scenario, measure, value, unit, target, note == null ? "" : note);
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-12s %-58s %12s %-6s %s%n", scenario, measure, number(value), unit,
                target.verdict(value).isEmpty() ? "" : target.verdict(value) + " (" + target.describe(unit) + ")");
    }

    void add(String scenario, String measure, double value, String unit) {
        add(scenario, measure, value, unit, Target.NONE, "");
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table in Markdown, with the machine it ran on. */
    synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("  \n");
        out.append("Run: ").append(started).append("; ");
        settings.forEach((name, value) -> out.append(name).append(' ').append(value).append("; "));
        out.setLength(out.length() - 2);
        out.append("\n\n| Scenario | Measure | Value | Target | Verdict | Note |\n|---|---|---:|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario()).append(" | ").append(row.measure()).append(" | ")
                    .append(number(row.value())).append(row.unit().isEmpty() ? "" : " " + row.unit()).append(" | ")
                    .append(row.target().describe(row.unit())).append(" | ").append(row.target().verdict(row.value()))
                    .append(" | ").append(row.note()).append(" |\n");
        }
        return out.toString();
    }

    synchronized String json() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        ObjectNode host = root.putObject("machine");
        host.put("cores", machine.cores());
        host.put("memoryGiB", machine.memoryGiB());
        host.put("cpu", machine.cpu());
        host.put("jdk", machine.jdk());
        host.put("os", machine.os());
        root.put("startedAt", started.toString());
        ObjectNode given = root.putObject("settings");
        settings.forEach(given::put);
        ArrayNode figures = root.putArray("results");
        for (Row row : rows) {
            ObjectNode figure = figures.addObject();
            figure.put("scenario", row.scenario());
            figure.put("measure", row.measure());
            if (Double.isNaN(row.value())) {
                figure.putNull("value");
            } else {
                figure.put("value", row.value());
            }
            figure.put("unit", row.unit());
            if (!row.target().relation().isEmpty()) {
                figure.put("target", row.target().relation() + " " + number(row.target().bound()));
                figure.put("verdict", row.target().verdict(row.value()));
            }
            if (!row.note().isEmpty()) {
                figure.put("note", row.note());
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("bench-results.json"), json());
            Files.writeString(directory.resolve("bench-results.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results to " + directory, e);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
