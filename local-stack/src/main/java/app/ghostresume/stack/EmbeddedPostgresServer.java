package app.ghostresume.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server whose data lives in a folder, so a restart keeps everything. A durable server
 * flushes every commit to disk as any production server does (zonky's default is {@code fsync} off, which makes
 * a commit only as safe as the operating system's page cache); throwaway test databases may skip that.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String DURABLE_SHARED_BUFFERS = "1GB";
    private static final String DURABLE_MAX_WAL_SIZE = "4GB";

    private final Path dataDirectory;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDirectory, int port, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durable = durable;
    }

    public EmbeddedPostgresServer start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the owner stops it, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // zonky turns both off for speed
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    // sized as a server holding millions of events would be: a buffer cache for the indexes new
                    // events land in, and checkpoints far enough apart that the log is not mostly full-page images
                    .setServerConfig("shared_buffers", durable ? DURABLE_SHARED_BUFFERS : "128MB")
                    .setServerConfig("max_wal_size", durable ? DURABLE_MAX_WAL_SIZE : "1GB")
                    .start();
            return this;
        }
        catch (IOException ex) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDirectory, ex);
        }
    }

    /** Creates the database unless it exists. */
    public EmbeddedPostgresServer ensureDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rows.next()) {
                    create.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                }
            }
            return this;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create database " + name, ex);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            }
            catch (IOException ex) {
                throw new IllegalStateException("PostgreSQL did not stop cleanly", ex);
            }
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
