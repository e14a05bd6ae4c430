package app.ghostresume.command.challenge;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Invite codes: {@value #LENGTH} characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits
 * from a {@link SecureRandom}, so they are easy to read out and not guessable. Codes are read case-insensitively
 * and without surrounding spaces.
 */
final class InviteCodes {

    static final int LENGTH = 8;
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed, made comparable: {@code " abcd2345 "} reads as {@code ABCD2345}. */
    static String normalized(String typed) {
        return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
    }
}
