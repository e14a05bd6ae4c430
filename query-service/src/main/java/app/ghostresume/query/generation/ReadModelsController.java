package app.ghostresume.query.generation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.ghostresume.query.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the read models' generations ({@code operator} scope, as all of {@code /api/operator}):
 * which one is live, the rebuild running with its progress, and starting or cancelling one.
 */
@RestController
class ReadModelsController {

    static final String REBUILD = "/api/operator/read-models/rebuild";

    private final Generations generations;
    private final ReadModelDataSource dataSource;

    ReadModelsController(Generations generations, ReadModelDataSource dataSource) {
        this.generations = generations;
        this.dataSource = dataSource;
    }

    @GetMapping("/api/operator/read-models")
    ReadModels readModels() {
        return new ReadModels(GenerationView.of(dataSource.live()), generations.rebuild().orElse(null),
                generations.latest().stream().map(GenerationView::of).toList());
    }

    /**
     * Starts a rebuild: 202 with its progress, 409 when one is running already. With {@code switch=manual} the
     * rebuilt generation waits, once caught up, for {@code POST .../rebuild/switch}, so that it can be looked at
     * first; by default readers move to it as soon as it has caught up.
     */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(REBUILD)
    ResponseEntity<RebuildProgress> start(@RequestParam(name = "switch", defaultValue = "automatic") String mode) {
        if (!mode.equals("automatic") && !mode.equals("manual")) {
            throw ApiProblem.invalid("switch", "must be automatic or manual");
        }
        Generation started;
        try {
            started = generations.startRebuild("asked for by an operator", mode.equals("automatic"));
        }
        catch (GenerationStore.RebuildInProgress running) {
            throw ApiProblem.rebuildInProgress("Generation " + running.running().number()
                    + " is being built already; watch it at " + REBUILD + " or cancel it there with DELETE.");
        }
        return ResponseEntity.accepted().location(URI.create(REBUILD)).body(generations.progressOf(started));
    }

    /** Moves readers to the rebuilt generation now: 200 when it is live, 409 while it has not caught up. */
    @PostMapping(REBUILD + "/switch")
    GenerationView switchNow() {
        try {
            return generations.switchNow().map(GenerationView::of).orElseThrow(ReadModelsController::noRebuild);
        }
        catch (Generations.NotCaughtUp notYet) {
            throw ApiProblem.rebuildInProgress("Generation " + notYet.progress().generation() + " is "
                    + notYet.progress().behindLive() + " records behind the live one; switch once it has caught up.");
        }
    }

    @GetMapping(REBUILD)
    RebuildProgress progress() {
        return running();
    }

    /** Cancels the rebuild running: its consumers stop and its schema is dropped; the live generation goes on. */
    @DeleteMapping(REBUILD)
    GenerationView cancel() {
        return generations.cancelRebuild().map(GenerationView::of).orElseThrow(ReadModelsController::noRebuild);
    }

    private RebuildProgress running() {
        Optional<RebuildProgress> progress = generations.rebuild();
        return progress.orElseThrow(ReadModelsController::noRebuild);
    }

    private static ApiProblem noRebuild() {
        return ApiProblem.notFound("No rebuild is running; start one with POST " + REBUILD + ".");
    }

    /** The live generation, the rebuild running if one is, and the latest generations, newest first. */
    record ReadModels(GenerationView live, RebuildProgress rebuild, List<GenerationView> generations) {
    }

    /** A generation as operators see it. */
    record GenerationView(int generation, String schema, Generation.State state, String reason,
            boolean switchWhenCaughtUp, Instant createdAt, Instant liveSince, Instant endedAt) {

        static GenerationView of(Generation generation) {
            return new GenerationView(generation.number(), generation.schema(), generation.state(),
                    generation.reason(), generation.switchWhenCaughtUp(), generation.createdAt(),
                    generation.liveSince(), generation.endedAt());
        }
    }
}
