package app.ghostresume.command.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * Text without control characters other than tab and line breaks (C0, DEL and C1), and without lone halves of a
 * surrogate pair, which are no characters at all. Besides being meaningless in a title or a note, a NUL cannot be
 * stored in a PostgreSQL text column and a lone surrogate cannot be written as UTF-8: accepted here, either would
 * make the event impossible to project.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\x{D800}-\\x{DFFF}]*")
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
