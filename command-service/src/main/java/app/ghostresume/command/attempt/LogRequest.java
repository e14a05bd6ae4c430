package app.ghostresume.command.attempt;

import java.time.LocalDate;

import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.events.Category;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An attempt as a client logs it ({@code POST /api/attempts}), and as an imported row is checked: the same
 * formats either way.
 */
public record LogRequest(@NotNull Category category,
        @NotBlank @CleanText @Size(max = SHORT_TEXT) String target,
        @NotBlank @CleanText @Size(max = SHORT_TEXT) String title,
        @CleanText @Size(max = LONG_TEXT) String notes, LocalDate sentOn,
        LocalDate expectedResponseBy) {

    /** The longest short text (a target, a title, a stage) and the longest long one (notes). */
    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 5000;
}
