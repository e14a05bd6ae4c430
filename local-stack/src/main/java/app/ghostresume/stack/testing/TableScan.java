package app.ghostresume.stack.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

/**
 * Looks for a text in the bytes of every table of a database, not through any API: in a text column, or in a binary
 * one (a row's text shows its bytes in hex), whatever the table. What an erasure test asks of each database.
 */
public final class TableScan {

    private TableScan() {
    }

    /**
     * The tables of the database with a row holding the text, in every schema of its own (every generation of the
     * read models, say): each by its name, without its schema's.
     */
    public static List<String> tablesHolding(String jdbcUrl, String user, String password, String text) {
        return tablesHolding(() -> DriverManager.getConnection(jdbcUrl, user, password), text);
    }

    /** The same, through a data source. */
    public static List<String> tablesHolding(DataSource database, String text) {
        return tablesHolding(database::getConnection, text);
    }

    private static List<String> tablesHolding(Connect connect, String text) {
        String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        List<String> holding = new ArrayList<>();
        try (Connection db = connect.connection()) {
            for (String[] table : tables(db)) {
                try (PreparedStatement scan = db.prepareStatement("SELECT count(*) FROM " + table[0] + " t "
                        + "WHERE position(? IN t::text) > 0 OR position(? IN t::text) > 0")) {
                    scan.setString(1, text);
                    scan.setString(2, hex);
                    try (ResultSet count = scan.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            holding.add(table[1]);
                        }
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not scan the database", ex);
        }
        return holding;
    }

    /** Each table's qualified name, and its own. */
    private static List<String[]> tables(Connection db) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename), tablename FROM pg_tables "
                        + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname, tablename")) {
            while (rows.next()) {
                tables.add(new String[] { rows.getString(1), rows.getString(2) });
            }
        }
        return tables;
    }

    private interface Connect {
        Connection connection() throws SQLException;
    }
}
