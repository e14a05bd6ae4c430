package app.ghostresume.command.platform;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Every command that names an existing aggregate names the subject a caller hears of when it is not there. */
class CommandSubjectsTest {

    @Test
    void everyCommandOnAnExistingAggregateNamesItsSubject() throws ClassNotFoundException {
        List<Class<?>> commands = commandsOnExistingAggregates();

        assertThat(commands).hasSizeGreaterThan(15);
        assertThat(commands).allSatisfy(command -> assertThat(Addressed.class).as(command.getName())
                .isAssignableFrom(command));
    }

    @Test
    void aCommandNamingNoSubjectIsAnErrorOfOursNotAWordingGuessedFromThePath() {
        record Nameless(@TargetAggregateIdentifier UUID id) {
        }
        assertThatIllegalStateException().isThrownBy(() -> CommandSubjects.subjectOf(new Nameless(UUID.randomUUID())));
        assertThat(CommandSubjects.subjectOf((Addressed) () -> Subject.GOAL)).isEqualTo(Subject.GOAL);
        assertThat(Subject.GOAL.notFoundDetail()).isEqualTo("No such goal.");
    }

    private static List<Class<?>> commandsOnExistingAggregates() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> commands = new java.util.ArrayList<>();
        for (var definition : scanner.findCandidateComponents("app.ghostresume.command")) {
            Class<?> type = ClassUtils.forName(definition.getBeanClassName(),
                    CommandSubjectsTest.class.getClassLoader());
            if (type.isRecord() && !type.getName().contains("Test") && Arrays.stream(type.getRecordComponents())
                    .anyMatch(component -> component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)
                            || fieldOf(type, component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class))) {
                commands.add(type);
            }
        }
        return commands;
    }

    private static java.lang.reflect.Field fieldOf(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        }
        catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
