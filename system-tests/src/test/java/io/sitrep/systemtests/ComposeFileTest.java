package io.sitrep.systemtests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so the compose file is checked against the code: every
 * environment variable a service is given names a real setting, ports agree everywhere, health
 * checks probe what the services expose, and the dashboard charts metrics the code registers.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) throws IOException {
        return (Map<String, Object>) service(name).get("environment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "notification-service", "timeline-service"})
    void everyEnvironmentVariableNamesARealSetting(String name) throws IOException {
        Set<String> known = settings(name);

        assertThat(environment(name).keySet()).allSatisfy(variable -> assertThat(known)
                .as("%s is given %s, which names no setting of it", name, variable).contains(variable));
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "notification-service", "timeline-service"})
    @SuppressWarnings("unchecked")
    void portsAgreeBetweenBuildEnvironmentPublishingAndScraping(String name) throws IOException {
        Map<String, Object> service = service(name);
        String port = String.valueOf(environment(name).get("PORT"));
        Map<String, Object> args = (Map<String, Object>) ((Map<String, Object>) service.get("build")).get("args");

        assertThat(String.valueOf(args.get("PORT"))).isEqualTo(port);
        assertThat(String.valueOf(args.get("SERVICE"))).isEqualTo(name);
        assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
        assertThat(Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml"))).contains("\"" + name + ":" + port + "\"");
        assertThat(Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"))).contains("port: ${PORT:" + port + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "notification-service", "timeline-service"})
    void theHealthCheckProbesAReadinessEndpointTheServiceExposes(String name) throws IOException {
        String application = Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"));

        assertThat(Files.readString(ROOT.resolve("docker/service.Dockerfile")))
                .contains("http://localhost:${PORT}/actuator/health/readiness");
        assertThat(application).containsPattern("probes:\\s+enabled: true").contains("include: health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "notification-service", "timeline-service"})
    void everyServiceDatabaseIsCreatedAtInit(String name) throws IOException {
        String url = String.valueOf(environment(name).get("SITREP_DB_URL"));
        String database = url.substring(url.lastIndexOf('/') + 1);

        assertThat(Files.readString(ROOT.resolve("docker/postgres/init.sql"))).contains("CREATE DATABASE " + database + ";");
    }

    @Test
    void theDashboardChartsMetricsTheServicesRegister() throws IOException {
        Set<String> registered = registeredMeters();
        JsonNode dashboard = JSON.readTree(Files.readString(ROOT.resolve("docker/grafana/dashboards/sitrep.json")));
        Set<String> charted = new HashSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher metric = Pattern.compile("sitrep_[a-z_]+").matcher(target.path("expr").asString());
            while (metric.find()) {
                charted.add(metric.group().replaceAll("_(seconds_bucket|seconds|total|bucket)$", ""));
            }
        }));

        assertThat(charted).isNotEmpty().allSatisfy(metric -> assertThat(registered).as("charted metric %s", metric).contains(metric));
    }

    /** The environment variables a service reads: placeholders in its application.yml, and its settings in relaxed form. */
    private static Set<String> settings(String name) throws IOException {
        Set<String> known = new HashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml")));
        while (placeholder.find()) {
            known.add(placeholder.group(1));
        }
        for (Path metadata : List.of(ROOT.resolve(name + "/target/classes/META-INF/spring-configuration-metadata.json"),
                ROOT.resolve("service-support/target/classes/META-INF/spring-configuration-metadata.json"))) {
            assertThat(metadata).as("built configuration metadata").exists();
            JSON.readTree(Files.readString(metadata)).path("properties").forEach(property ->
                    known.add(property.path("name").asString().toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "")));
        }
        return known;
    }

    /** Every meter name the services' code registers, as Prometheus spells it before its suffixes. */
    private static Set<String> registeredMeters() throws IOException {
        Set<String> meters = new HashSet<>();
        Pattern literal = Pattern.compile("\"(sitrep\\.[a-z_.]+)\"");
        for (String module : List.of("incident-service", "notification-service", "timeline-service", "service-support")) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = literal.matcher(Files.readString(source));
                    while (matcher.find()) {
                        meters.add(matcher.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return meters;
    }
}
