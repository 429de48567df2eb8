package io.sitrep.incidentservice.restore.web;

import io.sitrep.incidentservice.restore.RestoreReport;
import io.sitrep.incidentservice.restore.Restorer;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Restores incident-service's state from its event log: a dry run unless asked otherwise. */
@Tag(name = "Restore")
@RestController
@RequestMapping("/api/v1/admin/restore")
class RestoreController {

    private final Restorer restorer;

    RestoreController(Restorer restorer) {
        this.restorer = restorer;
    }

    @Operation(operationId = "restoreFromLog", summary = "Restore incidents, components and maintenance windows from the event log",
            description = "Needs the admin scope. With dryRun=true (the default) it reads the whole log and reports, per table, the"
                    + " rows the log has that the table lacks or holds at an older version, the newest version of each incident in"
                    + " the log, and the outbox's unpublished events; it changes nothing. With dryRun=false it writes what is"
                    + " missing, as the commands first wrote it, and answers the same report with what it restored; meanwhile every"
                    + " write on this instance answers 503 restoring and every read carries Sitrep-State: restoring. Restored"
                    + " rows are not published again; the outbox is kept.")
    @ApiResponse(responseCode = "200", description = "What the log holds against the tables; for dryRun=false also what was restored")
    @PostMapping
    @Command(value = "restore", scope = ApiPrincipal.ADMIN)
    RestoreReport restore(@Parameter(description = "true: report only; false: restore")
                          @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun) {
        return dryRun ? restorer.dryRun() : restorer.apply();
    }
}
