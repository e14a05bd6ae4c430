package app.ghostresume.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each seeker's own key, in the table {@code seeker_key} of a database of its own (backed up apart from the
 * events, never published). A key is a Tink keyset of AES-256-GCM keys (Tink's binary keyset format), stored
 * encrypted with the master keyset when one is configured (with the seeker's id as associated data, so a row
 * cannot be passed off as another seeker's), in the clear otherwise. Rotation adds a new primary key to every
 * keyset (what was sealed before stays readable: each ciphertext names its key) and stores each keyset again
 * under the master keyset's primary key, so a master keyset can be rotated the same way.
 *
 * <p>Shredding a key keeps its row, without the keyset: a seeker whose key is shredded never gets a new one, so
 * nothing written after their erasure (a deadline that fires, a retried delivery) can be read either.
 */
public final class SeekerKeys implements AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS seeker_key (
                seeker_id   uuid PRIMARY KEY,
                keyset      bytea,
                wrapped     boolean NOT NULL,
                created_at  timestamptz NOT NULL DEFAULT now(),
                rotated_at  timestamptz,
                shredded_at timestamptz,
                CHECK ((keyset IS NULL) = (shredded_at IS NOT NULL))
            )""";

    static {
        try {
            AeadConfig.register();
        }
        catch (GeneralSecurityException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final JdbcClient jdbc;
    private final Aead master;
    private final AutoCloseable pool;

    /**
     * @param database     where the keys are kept
     * @param master       the master keyset's AEAD, or {@code null} to keep keysets in the clear
     * @param ownsTheTable whether this side creates the table (the command service); the other only reads it
     */
    public SeekerKeys(DataSource database, Aead master, boolean ownsTheTable) {
        this.jdbc = JdbcClient.create(database);
        this.master = master;
        this.pool = database instanceof AutoCloseable closeable ? closeable : () -> { };
        if (ownsTheTable) {
            jdbc.sql(SCHEMA).update();
        }
    }

    /**
     * The keys in the database at {@code url}, through a small pool of its own.
     *
     * @param masterKeyset the master keyset in Tink's JSON format, or blank to keep keysets in the clear
     */
    public static SeekerKeys connect(String url, String username, String password, int poolSize,
            String masterKeyset, boolean ownsTheTable) {
        HikariDataSource database = new HikariDataSource();
        database.setPoolName("seeker-keys");
        database.setJdbcUrl(url);
        database.setUsername(username);
        database.setPassword(password);
        database.setMaximumPoolSize(poolSize);
        database.setMinimumIdle(1);
        try {
            return new SeekerKeys(database, masterKeyset == null || masterKeyset.isBlank() ? null
                    : masterKey(masterKeyset), ownsTheTable);
        }
        catch (RuntimeException ex) {
            database.close();
            throw ex;
        }
    }

    @Override
    public void close() throws Exception {
        pool.close();
    }

    /** The AEAD of a master keyset given in Tink's JSON keyset format. */
    public static Aead masterKey(String jsonKeyset) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(jsonKeyset, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("the master keyset is not a Tink AEAD keyset in JSON", ex);
        }
    }

    /** A new master keyset, in Tink's JSON keyset format. */
    public static String newMasterKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(
                    PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The seeker's key, made now if they have none; empty when it has been shredded. */
    public Optional<Aead> sealingKey(UUID seeker) {
        Optional<Row> row = find(seeker);
        if (row.isEmpty()) {
            jdbc.sql("INSERT INTO seeker_key (seeker_id, keyset, wrapped) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(seeker, store(seeker, generate()), master != null).update();
            row = find(seeker);
        }
        return row.flatMap(this::aead);
    }

    /** The keys of those seekers among {@code seekers} who have one that is not shredded, in one query. */
    public Map<UUID, Aead> openingKeys(Collection<UUID> seekers) {
        Map<UUID, Aead> keys = new HashMap<>();
        if (seekers.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT seeker_id, keyset, wrapped FROM seeker_key WHERE seeker_id = ANY(?) AND keyset IS NOT NULL")
                .param(seekers.toArray(UUID[]::new))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBoolean(3)))
                .list().forEach(row -> aead(row).ifPresent(aead -> keys.put(row.seeker(), aead)));
        return keys;
    }

    /** One seeker's key, if they have one that is not shredded. */
    public Optional<Aead> openingKey(UUID seeker) {
        return find(seeker).flatMap(this::aead);
    }

    /** Shreds the seeker's key for good (and marks them so that they never get another). */
    public void shred(UUID seeker) {
        jdbc.sql("""
                INSERT INTO seeker_key (seeker_id, keyset, wrapped, shredded_at) VALUES (?, NULL, false, now())
                ON CONFLICT (seeker_id)
                DO UPDATE SET keyset = NULL, shredded_at = coalesce(seeker_key.shredded_at, now())
                """).param(seeker).update();
    }

    /** Whether the seeker's key is shredded. */
    public boolean shredded(UUID seeker) {
        return find(seeker).map(row -> row.keyset() == null).orElse(false);
    }

    /**
     * Adds a new primary key to every keyset that is not shredded and stores each again (under the master keyset's
     * current primary key); returns how many keysets were rotated.
     */
    public int rotate() {
        List<Row> rows = jdbc.sql("SELECT seeker_id, keyset, wrapped FROM seeker_key WHERE keyset IS NOT NULL")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBoolean(3))).list();
        for (Row row : rows) {
            try {
                KeysetHandle rotated = KeysetHandle.newBuilder(parse(row))
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId().makePrimary())
                        .build();
                jdbc.sql("UPDATE seeker_key SET keyset = ?, wrapped = ?, rotated_at = now() "
                        + "WHERE seeker_id = ? AND keyset IS NOT NULL")
                        .params(store(row.seeker(), rotated), master != null, row.seeker()).update();
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("could not rotate the key of " + row.seeker(), ex);
            }
        }
        return rows.size();
    }

    private Optional<Row> find(UUID seeker) {
        return jdbc.sql("SELECT seeker_id, keyset, wrapped FROM seeker_key WHERE seeker_id = ?").param(seeker)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBoolean(3)))
                .optional();
    }

    private Optional<Aead> aead(Row row) {
        if (row.keyset() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(row).getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("the key of " + row.seeker() + " cannot be read", ex);
        }
    }

    private KeysetHandle parse(Row row) throws GeneralSecurityException {
        if (!row.wrapped()) {
            return TinkProtoKeysetFormat.parseKeyset(row.keyset(), InsecureSecretKeyAccess.get());
        }
        if (master == null) {
            throw new GeneralSecurityException("the key is encrypted and no master keyset is configured");
        }
        return TinkProtoKeysetFormat.parseEncryptedKeyset(row.keyset(), master, associatedData(row.seeker()));
    }

    private byte[] store(UUID seeker, KeysetHandle keyset) {
        try {
            return master == null ? TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
                    : TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, associatedData(seeker));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static byte[] associatedData(UUID seeker) {
        return seeker.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private record Row(UUID seeker, byte[] keyset, boolean wrapped) {
    }
}
