package io.sitrep.incidentservice.restore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line mode: started with {@code --sitrep.restore.mode=dry-run} or {@code apply}, the service runs the
 * restore once it is up, prints the report as JSON on standard output and exits, 0 when it finished and 1 when it
 * failed (having changed nothing).
 */
public class RestoreCommandLine implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RestoreCommandLine.class);

    private final RestoreSettings settings;
    private final Restorer restorer;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;

    public RestoreCommandLine(RestoreSettings settings, Restorer restorer, JsonMapper json, ConfigurableApplicationContext context) {
        this.settings = settings;
        this.restorer = restorer;
        this.json = json;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.mode() == RestoreSettings.Mode.NONE) {
            return;
        }
        int code;
        try {
            RestoreReport report = settings.mode() == RestoreSettings.Mode.APPLY ? restorer.apply() : restorer.dryRun();
            System.out.println(json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
            code = 0;
        } catch (RuntimeException e) {
            log.error("The restore did not finish: {}", e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
