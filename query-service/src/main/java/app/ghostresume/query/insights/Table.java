package app.ghostresume.query.insights;

import java.util.List;

/**
 * A question's answer: rows of cells under named columns, the first cell of a row naming what it is about.
 * {@code null} cells were suppressed (fewer seekers than the threshold); rows that would show nothing at all are
 * left out and counted in {@code suppressedRows}. {@code chartColumn} is the column its chart draws.
 */
public record Table(String name, String title, String question, List<String> columns, List<List<Object>> rows,
        int suppressedRows, int chartColumn) {
}
