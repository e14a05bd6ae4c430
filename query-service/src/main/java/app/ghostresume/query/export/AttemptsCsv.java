package app.ghostresume.query.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import app.ghostresume.events.AttemptColumn;
import app.ghostresume.events.AttemptStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Attempts as a spreadsheet: one row an attempt, in the columns of {@link AttemptColumn} (the import's), RFC 4180
 * quoting (by Commons CSV), dates as ISO-8601 ({@code 2025-11-01}), the status as its word. So an export imports back.
 */
final class AttemptsCsv {

    /** Each column's value in a row of {@code attempt_board} keyed by column name in camel case. */
    private static final Map<AttemptColumn, String> BOARD_COLUMNS = Map.of(AttemptColumn.CATEGORY, "category",
            AttemptColumn.TARGET, "target", AttemptColumn.TITLE, "title", AttemptColumn.SENT_ON, "sentOn",
            AttemptColumn.STATUS, "status", AttemptColumn.OUTCOME_ON, "outcomeOn", AttemptColumn.STAGE, "stage",
            AttemptColumn.EXPECTED_RESPONSE_BY, "expectedResponseBy", AttemptColumn.NOTES, "notes");

    private AttemptsCsv() {
    }

    /** Writes {@code attempts} (rows of {@code attempt_board}, keyed by column name) to {@code out}. */
    static void write(List<Map<String, Object>> attempts, Writer out) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(Arrays.stream(AttemptColumn.values()).map(AttemptColumn::header).toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, Object> attempt : attempts) {
                List<Object> row = new ArrayList<>();
                for (AttemptColumn column : AttemptColumn.values()) {
                    Object value = attempt.get(BOARD_COLUMNS.get(column));
                    row.add(column == AttemptColumn.STATUS ? AttemptColumn.word(AttemptStatus.valueOf((String) value))
                            : value);
                }
                printer.printRecord(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
