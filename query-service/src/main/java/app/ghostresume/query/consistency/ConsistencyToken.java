package app.ghostresume.query.consistency;

import app.ghostresume.query.system.ApiProblem;

/**
 * What a command-service response hands out so a client can read its own write: {@code <aggregateId>.<sequence>}.
 * The aggregate id may contain '-' but no '.', so the token splits at its last '.'.
 */
record ConsistencyToken(String aggregateId, long aggregateSequence) {

    static final String HEADER = "Consistency-Token";

    static ConsistencyToken parse(String token) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            throw malformed(token);
        }
        try {
            long sequence = Long.parseLong(token.substring(dot + 1));
            if (sequence < 0) {
                throw malformed(token);
            }
            return new ConsistencyToken(token.substring(0, dot), sequence);
        }
        catch (NumberFormatException ex) {
            throw malformed(token);
        }
    }

    private static ApiProblem malformed(String token) {
        return ApiProblem.malformed(HEADER + " '" + token + "' is not of the form <aggregateId>.<sequence>.");
    }
}
