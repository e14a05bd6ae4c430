package app.ghostresume.security.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem type of both services hangs off one base; a status with no type of its own is named after it. */
class ProblemTypesTest {

    @Test
    void typesShareOneBase() {
        assertThat(ProblemTypes.type("not-found")).hasToString("https://ghostresume.app/problems/not-found");
    }

    @Test
    void aStatusWithoutATypeOfItsOwnIsNamedAfterTheStatus() {
        assertThat(ProblemTypes.slugOfStatus(400)).isEqualTo("bad-request");
        assertThat(ProblemTypes.slugOfStatus(505)).isEqualTo("http-version-not-supported");
        assertThat(ProblemTypes.slugOfStatus(599)).isEqualTo("error");
    }
}
