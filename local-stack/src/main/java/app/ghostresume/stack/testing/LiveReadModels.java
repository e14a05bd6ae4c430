package app.ghostresume.stack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection to the query service's database that reads its live generation of the read models, as the service
 * does: that generation's schema, then {@code public}, on the search path. What tests and the benchmark use to look
 * at the read models without going through the API; an operator does the same in {@code psql} with
 * {@code SET search_path}.
 */
public final class LiveReadModels {

    private LiveReadModels() {
    }

    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        try (Statement statement = db.createStatement()) {
            String schema = liveSchema(statement);
            statement.execute("SET search_path TO " + schema + ", public");
            return db;
        }
        catch (SQLException | RuntimeException ex) {
            db.close();
            throw ex;
        }
    }

    /** The schema of the live generation, as {@code read_model_generation} names it. */
    public static String liveSchema(Statement statement) throws SQLException {
        try (ResultSet live = statement.executeQuery(
                "SELECT schema_name FROM public.read_model_generation WHERE state = 'LIVE'")) {
            if (!live.next()) {
                throw new SQLException("no generation of the read models is live in this database");
            }
            return live.getString(1);
        }
    }
}
