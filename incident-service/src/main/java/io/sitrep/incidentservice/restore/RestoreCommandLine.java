package io.sitrep.incidentservice.restore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line mode: started with {@code --sitrep.restore.mode=dry-run} or {@code apply}, the service runs the
 * restore once it is up, prints the report as JSON on standard output and exits ({@link #exitIfRan}), 0 when it
 * finished and 1 when it failed (having changed nothing).
 */
public class RestoreCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(RestoreCommandLine.class);

    private final RestoreSettings settings;
    private final Restorer restorer;
    private final JsonMapper json;
    private volatile boolean ran;
    private volatile int exitCode;

    public RestoreCommandLine(RestoreSettings settings, Restorer restorer, JsonMapper json) {
        this.settings = settings;
        this.restorer = restorer;
        this.json = json;
    }

    /** Ends the process once the command-line mode has run in {@code context}; returns when it did not. */
    public static void exitIfRan(ConfigurableApplicationContext context) {
        if (context.getBean(RestoreCommandLine.class).ran()) {
            System.exit(SpringApplication.exit(context));
        }
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
        exitCode = code;
        ran = true;
    }

    /** Whether the command-line mode ran: the process is to end. */
    public boolean ran() {
        return ran;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
