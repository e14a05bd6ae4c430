package app.ghostresume.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Cleaning up the throwaway folders tests run their servers in. */
public final class Folders {

    private Folders() {
    }

    /** Deletes a folder and everything in it, as far as possible; leftovers only cost disk space. */
    public static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // best effort
        }
    }
}
