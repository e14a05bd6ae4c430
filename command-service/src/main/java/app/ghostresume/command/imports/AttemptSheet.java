package app.ghostresume.command.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.ghostresume.events.AttemptColumn;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A spreadsheet of attempts as people keep them, read leniently and in a documented way (README, "Importing a
 * spreadsheet"): a header row names the columns, in any order and words ("Company" is the target, "Date applied" the
 * day sent, "Colour" the status); the status is a word or a colour (red: rejected, green: accepted, yellow: waiting,
 * grey: ghosted); dates are ISO ({@code 2025-11-01}) or in the format asked for ({@code dd/MM/yyyy}). A UTF-8 byte
 * order mark, quoted fields with commas and line breaks, a semicolon or tab as separator, and empty rows are all
 * fine. Each row is read on its own: one that cannot be read says why, with its line, and the others go on.
 */
final class AttemptSheet {

    /**
     * Header words, normalised ({@link #normalised}), and the column each names: each column's own header
     * ({@link AttemptColumn#header}, as an export writes it) and the other words people use for it.
     */
    static final Map<String, AttemptColumn> HEADERS = headers();

    /** Status words and colours, normalised, and the status each means (its own word, as an export writes it, too). */
    static final Map<String, AttemptStatus> STATUS_WORDS = statusWords();

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private AttemptSheet() {
    }

    /**
     * How to read what the file leaves open.
     *
     * @param dateFormat      the format of dates that are not ISO, e.g. {@code dd/MM/yyyy}; {@code null} for ISO only
     * @param defaultCategory the category of rows without one (a job-hunt sheet has no category column)
     */
    record Options(String dateFormat, Category defaultCategory) {
    }

    /** What a row says; {@code null} where the sheet says nothing. */
    record Fields(Category category, String target, String title, LocalDate sentOn, AttemptStatus status,
            LocalDate outcomeOn, String stage, LocalDate expectedResponseBy, String notes) {
    }

    /** One row: its first line in the file, and what it says or why it cannot be read. */
    record Row(long line, Fields fields, String problem) {

        boolean readable() {
            return problem == null;
        }
    }

    /** The columns found (as headed in the file), the headers passed over, and the rows. */
    record Sheet(Map<AttemptColumn, String> columns, List<String> ignored, List<Row> rows) {
    }

    /** A file that is no sheet of attempts at all: not UTF-8, no header row, no target column. */
    static final class SheetException extends RuntimeException {

        SheetException(String message) {
            super(message);
        }
    }

    static Sheet read(byte[] bytes, Options options) {
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        DateTimeFormatter dates = formatter(options.dateFormat());
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new SheetException("The file is empty: it needs a header row naming its columns.");
            }
            CSVRecord header = records.next();
            Map<AttemptColumn, Integer> positions = new EnumMap<>(AttemptColumn.class);
            Map<AttemptColumn, String> columns = new EnumMap<>(AttemptColumn.class);
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                AttemptColumn column = HEADERS.get(normalised(header.get(i)));
                if (column != null && !positions.containsKey(column)) {
                    positions.put(column, i);
                    columns.put(column, header.get(i));
                }
                else if (!header.get(i).isBlank()) {
                    ignored.add(header.get(i));
                }
            }
            if (!positions.containsKey(AttemptColumn.TARGET)) {
                throw new SheetException("No column names the target (" + headersOf(AttemptColumn.TARGET)
                        + "); the header row was: " + String.join(", ", header.toList()) + ".");
            }
            List<Row> rows = new ArrayList<>();
            int[] lineStarts = lineStarts(text);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(row(lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition())), record, positions,
                        dates, options));
            }
            return new Sheet(columns, ignored, rows);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (IllegalStateException | UncheckedIOException ex) {
            throw new SheetException("The file is not CSV: " + ex.getMessage());
        }
    }

    /** Where each line of {@code text} starts. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where a record read from {@code position} begins: past the empty lines the parser passed over. */
    private static long firstCharacter(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
            at++;
        }
        return at;
    }

    /** The line (from 1) that the character at {@code position} is on. */
    private static long lineOf(int[] lineStarts, long position) {
        int found = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    private static Row row(long line, CSVRecord record, Map<AttemptColumn, Integer> positions, DateTimeFormatter dates,
            Options options) {
        try {
            List<String> problems = new ArrayList<>();
            String category = value(record, positions, AttemptColumn.CATEGORY);
            Category parsedCategory = category == null ? options.defaultCategory() : category(category);
            if (parsedCategory == null) {
                problems.add("no category: give one in the row or as ?category=");
            }
            String target = value(record, positions, AttemptColumn.TARGET);
            String title = value(record, positions, AttemptColumn.TITLE);
            String status = value(record, positions, AttemptColumn.STATUS);
            AttemptStatus parsedStatus = status == null ? AttemptStatus.WAITING : STATUS_WORDS.get(normalised(status));
            if (parsedStatus == null) {
                problems.add("status '" + status + "' is not one of the words or colours read as a status");
            }
            if (!problems.isEmpty()) {
                return new Row(line, null, String.join("; ", problems));
            }
            return new Row(line, new Fields(parsedCategory, target, title == null ? target : title,
                    date(record, positions, AttemptColumn.SENT_ON, dates), parsedStatus,
                    date(record, positions, AttemptColumn.OUTCOME_ON, dates), value(record, positions,
                            AttemptColumn.STAGE),
                    date(record, positions, AttemptColumn.EXPECTED_RESPONSE_BY, dates),
                    value(record, positions, AttemptColumn.NOTES)), null);
        }
        catch (IllegalArgumentException ex) {
            return new Row(line, null, ex.getMessage());
        }
    }

    private static String value(CSVRecord record, Map<AttemptColumn, Integer> positions, AttemptColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= record.size()) {
            return null;
        }
        String value = record.get(position);
        return value.isBlank() ? null : value;
    }

    private static LocalDate date(CSVRecord record, Map<AttemptColumn, Integer> positions, AttemptColumn column,
            DateTimeFormatter dates) {
        String value = value(record, positions, column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, ISO);
        }
        catch (DateTimeParseException notIso) {
            if (dates == null) {
                throw new IllegalArgumentException(column.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '"
                        + value + "' is not an ISO date (2025-11-01); for other dates say ?dateFormat=dd/MM/yyyy "
                        + "(or MM/dd/yyyy, d.M.yyyy ...)");
            }
            try {
                return LocalDate.parse(value, dates);
            }
            catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(column.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '"
                        + value + "' is neither an ISO date nor of the format asked for");
            }
        }
    }

    private static Category category(String value) {
        String word = normalised(value).replace(" ", "");
        for (Category category : Category.values()) {
            String name = category.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || word.equals(name + "s")) {
                return category;
            }
        }
        throw new IllegalArgumentException("category '" + value + "' is not one of "
                + List.of(Category.values()).toString().toLowerCase(Locale.ROOT));
    }

    /** Lower case, letters and digits only, single spaces: "Date Applied:" and "date_applied" are one header. */
    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static DateTimeFormatter formatter(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
        catch (IllegalArgumentException ex) {
            throw new SheetException("dateFormat '" + pattern + "' is not a date pattern such as dd/MM/yyyy.");
        }
    }

    /** The separator of the header row: a comma unless semicolons or tabs outnumber commas. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException ex) {
            throw new SheetException("The file is not UTF-8 text; save the spreadsheet as CSV UTF-8.");
        }
    }

    private static String headersOf(AttemptColumn column) {
        List<String> words = new ArrayList<>();
        HEADERS.forEach((word, named) -> {
            if (named == column) {
                words.add('"' + word + '"');
            }
        });
        return String.join(", ", words);
    }

    private static Map<String, AttemptColumn> headers() {
        Map<String, AttemptColumn> headers = new java.util.LinkedHashMap<>();
        put(headers, AttemptColumn.CATEGORY, "type", "kind");
        put(headers, AttemptColumn.TARGET, "company", "organisation", "organization", "employer", "publication",
                "outlet", "magazine", "journal", "publisher", "agency", "funder", "school", "university", "venue",
                "show", "podcast", "to", "recipient");
        put(headers, AttemptColumn.TITLE, "role", "position", "job", "job title", "piece", "submission", "work",
                "project", "what");
        put(headers, AttemptColumn.SENT_ON, "sent", "date sent", "applied", "applied on", "date applied",
                "submitted", "submitted on", "date submitted", "date");
        put(headers, AttemptColumn.STATUS, "colour", "color", "result", "response", "outcome", "decision");
        put(headers, AttemptColumn.OUTCOME_ON, "outcome date", "response date", "date of response",
                "responded", "responded on", "decided on", "decision date", "heard back", "reply date");
        put(headers, AttemptColumn.STAGE, "stage reached", "round");
        put(headers, AttemptColumn.EXPECTED_RESPONSE_BY, "expected by", "response expected",
                "deadline");
        put(headers, AttemptColumn.NOTES, "note", "comments", "comment");
        return java.util.Collections.unmodifiableMap(headers);
    }

    private static Map<String, AttemptStatus> statusWords() {
        Map<String, AttemptStatus> words = new HashMap<>();
        putStatus(words, AttemptStatus.REJECTED, "rejection", "no", "declined", "red", "not selected",
                "turned down", "unsuccessful", "passed");
        putStatus(words, AttemptStatus.ACCEPTED, "acceptance", "offer", "yes", "green", "hired",
                "published", "won", "successful");
        putStatus(words, AttemptStatus.WAITING, "pending", "yellow", "orange", "applied", "sent",
                "submitted", "in progress", "open");
        putStatus(words, AttemptStatus.GHOSTED, "ghost", "no response", "no reply", "no answer", "grey",
                "gray", "silence");
        putStatus(words, AttemptStatus.WITHDRAWN, "withdrew", "cancelled", "canceled", "pulled");
        return Map.copyOf(words);
    }

    private static void put(Map<String, AttemptColumn> headers, AttemptColumn column, String... words) {
        headers.put(column.header(), column);
        for (String word : words) {
            headers.put(word, column);
        }
    }

    private static void putStatus(Map<String, AttemptStatus> statuses, AttemptStatus status, String... words) {
        statuses.put(AttemptColumn.word(status), status);
        for (String word : words) {
            statuses.put(word, status);
        }
    }
}
