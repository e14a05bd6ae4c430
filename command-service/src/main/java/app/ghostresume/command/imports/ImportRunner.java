package app.ghostresume.command.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.ghostresume.command.platform.RuleViolation;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries imports out in the background, {@link #THREADS} at a time: each row's attempt is one command, so a row
 * whose rules hold is recorded with its outcome, one that breaks one is refused with its line, and one an earlier
 * import brought in already (its attempt id exists) is counted as such. Rows are recorded {@link #BATCH} to a
 * transaction, one commit for all of them; a batch that fails as a whole (a row recorded meanwhile by someone else)
 * is done again row by row. Progress is stored after every batch.
 */
@Component
class ImportRunner {

    static final int THREADS = 2;
    /** Rows recorded in one transaction, and between two progress reports. */
    static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final CommandGateway commands;
    private final Imports imports;
    private final TransactionTemplate transactions;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "attempt-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportRunner(CommandGateway commands, Imports imports, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.imports = imports;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Imports the steps that are not refused, in the background. */
    void run(UUID importId, List<ImportPlan.Step> steps) {
        List<ImportPlan.Step> toImport = steps.stream().filter(step -> !step.refused()).toList();
        executor.execute(() -> importAll(importId, toImport));
    }

    private void importAll(UUID importId, List<ImportPlan.Step> steps) {
        for (int from = 0; from < steps.size(); from += BATCH) {
            List<ImportPlan.Step> batch = steps.subList(from, Math.min(from + BATCH, steps.size()));
            Set<UUID> existing = imports.existing(batch.stream().map(ImportPlan.Step::attemptId).toList());
            List<ImportPlan.Step> fresh = batch.stream().filter(step -> !existing.contains(step.attemptId())).toList();
            int created;
            List<Imports.Refused> refused = new ArrayList<>();
            int already = batch.size() - fresh.size();
            try {
                // one commit for the batch: its rows' rules were checked when it was planned
                transactions.executeWithoutResult(status -> fresh.forEach(step -> commands.sendAndWait(step.attempt())));
                created = fresh.size();
            }
            catch (RuntimeException batchFailed) {
                // someone recorded one of them meanwhile, or a rule no plan can see: row by row, each on its own
                created = 0;
                for (ImportPlan.Step step : fresh) {
                    switch (importOne(importId, step, refused)) {
                        case CREATED -> created++;
                        case ALREADY -> already++;
                        case REFUSED -> { }
                    }
                }
            }
            imports.advance(importId, batch.size(), created, already, refused, from + BATCH >= steps.size());
        }
    }

    private enum Result {
        CREATED, ALREADY, REFUSED
    }

    private Result importOne(UUID importId, ImportPlan.Step step, List<Imports.Refused> refused) {
        try {
            commands.sendAndWait(step.attempt());
            return Result.CREATED;
        }
        catch (AggregateStreamCreationException | ConcurrencyException existing) {
            return Result.ALREADY;
        }
        catch (RuleViolation violation) {
            refused.add(new Imports.Refused(step.line(), violation.describe()));
            return Result.REFUSED;
        }
        catch (RuntimeException failure) {
            log.warn("Import {} could not record line {}: {}", importId, step.line(), failure.toString());
            refused.add(new Imports.Refused(step.line(), "could not be recorded just now; import the file again "
                    + "to bring it in (nothing is created twice)"));
            return Result.REFUSED;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
