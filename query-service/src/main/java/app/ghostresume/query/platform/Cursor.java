package app.ghostresume.query.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque keyset-pagination cursors: the sort keys of the last item of a page, joined and base64url-encoded.
 * Clients pass them back untouched; anything else is a 400.
 */
public final class Cursor {

    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder joined = new StringBuilder();
        for (Object key : keys) {
            if (!joined.isEmpty()) {
                joined.append(SEPARATOR);
            }
            joined.append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor and reads its keys with {@code reader}; any failure is reported as an invalid cursor. */
    public static <T> T decode(String cursor, int keys, Function<List<String>, T> reader) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(joined.split("\\" + SEPARATOR, -1));
            if (parts.size() != keys) {
                throw new IllegalArgumentException("expected " + keys + " keys");
            }
            return reader.apply(parts);
        }
        catch (RuntimeException ex) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
