package app.ghostresume.query.report;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.SupportKind;

/** The support one share holds as its events leave it: each supporter's each kind, given and not taken back. */
final class ShareSupport {

    private final Set<Given> given = new HashSet<>();

    void offered(UUID supporterId, SupportKind kind) {
        given.add(new Given(supporterId, kind));
    }

    void withdrawn(UUID supporterId, SupportKind kind) {
        given.remove(new Given(supporterId, kind));
    }

    void clear() {
        given.clear();
    }

    long total() {
        return given.size();
    }

    Map<SupportKind, Long> byKind() {
        Map<SupportKind, Long> byKind = new EnumMap<>(SupportKind.class);
        given.forEach(one -> byKind.merge(one.kind(), 1L, Long::sum));
        return byKind;
    }

    private record Given(UUID supporterId, SupportKind kind) {
    }
}
