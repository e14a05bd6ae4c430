package app.ghostresume.query.platform;

import java.util.List;
import java.util.function.Function;

/**
 * Rows handed to PostgreSQL as one array per column, for statements that write many rows at once with
 * {@code unnest(CAST(? AS uuid[]), CAST(? AS bigint[]), ...)}: each value as its text, cast by the statement.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** One column of {@code rows}: {@code value} of each row as text, {@code null} kept as SQL NULL. */
    public static <T> String[] column(List<T> rows, Function<? super T, ?> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Object v = value.apply(rows.get(i));
            column[i] = v == null ? null : v.toString();
        }
        return column;
    }
}
