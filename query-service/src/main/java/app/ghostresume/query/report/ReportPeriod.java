package app.ghostresume.query.report;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.ghostresume.events.DateRange;

/**
 * The stretch of the seeker's calendar a report covers: an ISO week ({@code 2025-W45}, Monday to Sunday), a
 * calendar month ({@code 2025-11}) or a year ({@code 2025}).
 */
public record ReportPeriod(Kind kind, String name, LocalDate start, LocalDate end) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** The earliest and latest years a report covers, so that every date stays in PostgreSQL's and Java's range. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9998;

    public enum Kind {
        WEEK,
        MONTH,
        YEAR
    }

    /** The period a path segment names, if it names one. */
    static Optional<ReportPeriod> parse(String text) {
        try {
            Matcher week = WEEK.matcher(text);
            if (week.matches()) {
                int year = Integer.parseInt(week.group(1));
                int number = Integer.parseInt(week.group(2));
                LocalDate inWeekOne = LocalDate.of(year, 1, 4);
                if (!inYearRange(year) || number < 1 || number > inWeekOne.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                        .getMaximum()) {
                    return Optional.empty();
                }
                return Optional.of(week(inWeekOne.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)));
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return inYearRange(month.getYear()) ? Optional.of(month(month)) : Optional.empty();
            }
            if (YEAR.matcher(text).matches()) {
                Year year = Year.parse(text);
                return inYearRange(year.getValue()) ? Optional.of(year(year)) : Optional.empty();
            }
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static ReportPeriod week(LocalDate day) {
        DateRange week = DateRange.isoWeekOf(day);
        return new ReportPeriod(Kind.WEEK, weekName(week.start()), week.start(), week.end());
    }

    static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    static ReportPeriod year(Year year) {
        return new ReportPeriod(Kind.YEAR, year.toString(), year.atDay(1), year.atMonth(12).atEndOfMonth());
    }

    /** The period of the same kind just before: the week, month or year before. */
    ReportPeriod previous() {
        return switch (kind) {
            case WEEK -> week(start.minusWeeks(1));
            case MONTH -> month(YearMonth.from(start).minusMonths(1));
            case YEAR -> year(Year.from(start).minusYears(1));
        };
    }

    boolean contains(LocalDate day) {
        return day != null && !day.isBefore(start) && !day.isAfter(end);
    }

    boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(end) && !to.isBefore(start);
    }

    /** The ISO weeks the period touches, each cut to the period: a month's first and last may be short. */
    List<Week> weeks() {
        List<Week> weeks = new ArrayList<>();
        for (DateRange week = DateRange.isoWeekOf(start); !week.start().isAfter(end);
                week = DateRange.isoWeekOf(week.end().plusDays(1))) {
            weeks.add(new Week(weekName(week.start()), week.start().isBefore(start) ? start : week.start(),
                    week.end().isAfter(end) ? end : week.end()));
        }
        return weeks;
    }

    private static String weekName(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static boolean inYearRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** An ISO week, cut to the period it is in. */
    record Week(String name, LocalDate start, LocalDate end) {

        boolean contains(LocalDate day) {
            return day != null && !day.isBefore(start) && !day.isAfter(end);
        }
    }
}
