package app.ghostresume.query.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Attempts as a spreadsheet: one row an attempt, RFC 4180 quoting (by Commons CSV), dates as ISO-8601
 * ({@code 2025-11-01}), the status as a word (waiting, rejected, accepted, ghosted, withdrawn). The columns are the
 * import's, so an export imports back.
 */
final class AttemptsCsv {

    static final List<String> COLUMNS = List.of("category", "target", "title", "sent on", "status", "outcome on",
            "stage", "expected response by", "notes");

    private AttemptsCsv() {
    }

    /** Writes {@code attempts} (rows of {@code attempt_board}, keyed by column name) to {@code out}. */
    static void write(List<Map<String, Object>> attempts, Writer out) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, Object> attempt : attempts) {
                printer.printRecord(attempt.get("category"), attempt.get("target"), attempt.get("title"),
                        attempt.get("sentOn"), ((String) attempt.get("status")).toLowerCase(Locale.ROOT),
                        attempt.get("outcomeOn"), attempt.get("stage"), attempt.get("expectedResponseBy"),
                        attempt.get("notes"));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
