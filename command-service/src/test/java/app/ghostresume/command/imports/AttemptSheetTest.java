package app.ghostresume.command.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import app.ghostresume.command.imports.AttemptSheet.Fields;
import app.ghostresume.command.imports.AttemptSheet.Options;
import app.ghostresume.command.imports.AttemptSheet.Row;
import app.ghostresume.command.imports.AttemptSheet.Sheet;
import app.ghostresume.events.AttemptColumn;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spreadsheets shaped like the ones people keep, read row by row. */
class AttemptSheetTest {

    private static final Options JOBS = new Options(null, Category.JOB);

    @Test
    void aGoogleSheetsJobHuntWithAColourColumn() {
        Sheet sheet = read("""
                Company,Role,Date Applied,Colour,Response date,Notes
                Acme Inc.,Backend engineer,2025-10-01,red,2025-10-20,"Form letter, sadly"
                Globex,Platform engineer,2025-10-03,yellow,,
                Initech,SRE,2025-10-05,green,2025-11-02,Offer!
                Umbrella,Data engineer,2025-10-07,grey,,
                """, JOBS);

        assertThat(sheet.columns()).containsEntry(AttemptColumn.TARGET, "Company").containsEntry(AttemptColumn.TITLE, "Role")
                .containsEntry(AttemptColumn.SENT_ON, "Date Applied").containsEntry(AttemptColumn.STATUS, "Colour")
                .containsEntry(AttemptColumn.OUTCOME_ON, "Response date").containsEntry(AttemptColumn.NOTES, "Notes");
        assertThat(sheet.rows()).extracting(row -> row.fields().status()).containsExactly(AttemptStatus.REJECTED,
                AttemptStatus.WAITING, AttemptStatus.ACCEPTED, AttemptStatus.GHOSTED);
        assertThat(sheet.rows().get(0).fields()).isEqualTo(new Fields(Category.JOB, "Acme Inc.", "Backend engineer",
                date("2025-10-01"), AttemptStatus.REJECTED, date("2025-10-20"), null, null, "Form letter, sadly"));
        assertThat(sheet.rows()).extracting(Row::line).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void aSubmissionsTrackerExportWithItsOwnWords() {
        Sheet sheet = read("""
                Publication,Piece,Category,Submitted,Status,Decision Date,Comments
                The Paris Review,Salt,submission,2025-09-01,Declined,2025-11-15,
                Granta,Salt,Submissions,2025-09-02,Accepted,2025-12-01,
                Ploughshares,Tide,SUBMISSION,2025-09-03,No Response,,six months
                """, new Options(null, null));

        assertThat(sheet.rows()).allSatisfy(row -> assertThat(row.readable()).isTrue());
        assertThat(sheet.rows()).extracting(row -> row.fields().category()).containsOnly(Category.SUBMISSION);
        assertThat(sheet.rows()).extracting(row -> row.fields().status()).containsExactly(AttemptStatus.REJECTED,
                AttemptStatus.ACCEPTED, AttemptStatus.GHOSTED);
        assertThat(sheet.rows().get(0).fields().outcomeOn()).isEqualTo(date("2025-11-15"));
        assertThat(sheet.ignored()).isEmpty();
    }

    @Test
    void europeanDatesWithTheDateFormatAskedForAndOnlyThen() {
        String csv = """
                Target,Title,Sent on,Status,Outcome on
                Acme,Engineer,01/11/2025,rejected,15/11/2025
                """;
        Sheet european = read(csv, new Options("dd/MM/yyyy", Category.JOB));
        assertThat(european.rows().get(0).fields().sentOn()).isEqualTo(date("2025-11-01"));
        assertThat(european.rows().get(0).fields().outcomeOn()).isEqualTo(date("2025-11-15"));

        Row ambiguous = read(csv, JOBS).rows().get(0);
        assertThat(ambiguous.readable()).isFalse();
        assertThat(ambiguous.problem()).contains("01/11/2025").contains("dateFormat");
        assertThat(read(csv.replace("15/11/2025", "31/02/2025"), new Options("dd/MM/yyyy", Category.JOB)).rows()
                .get(0).problem()).contains("31/02/2025");
    }

    @Test
    void aByteOrderMarkQuotedLineBreaksSemicolonsAndEmptyRows() {
        String csv = "\uFEFFOrganisation;Title;Date sent;Result;Notes\r\n"
                + "\"Wellcome; Trust\";\"Grant \"\"A\"\"\";2025-03-01;no;\"first line\nsecond line\"\r\n"
                + ";;;;\r\n"
                + "\r\n"
                + "Arts Council;Grant B;2025-03-02;pending;\r\n"
                + ";;;;\r\n\r\n";
        Sheet sheet = read(csv, new Options(null, Category.GRANT));

        assertThat(sheet.columns()).containsEntry(AttemptColumn.TARGET, "Organisation");
        assertThat(sheet.rows()).hasSize(2);
        Fields first = sheet.rows().get(0).fields();
        assertThat(first.target()).isEqualTo("Wellcome; Trust");
        assertThat(first.title()).isEqualTo("Grant \"A\"");
        assertThat(first.notes()).isEqualTo("first line\nsecond line");
        assertThat(first.status()).isEqualTo(AttemptStatus.REJECTED);
        // the second row starts on line 6: the quoted line break, an empty row and a blank line come before it
        assertThat(sheet.rows()).extracting(Row::line).containsExactly(2L, 6L);
    }

    @Test
    void aRowThatCannotBeReadSaysWhyAndTheOthersGoOn() {
        Sheet sheet = read("""
                Company,Role,Applied,Status
                Acme,Engineer,2025-10-01,maybe
                Globex,Engineer,2025-10-02,
                Initech,Engineer,2025-10-03,rejected
                """, new Options(null, null));

        assertThat(sheet.rows().get(0).problem()).contains("'maybe'");
        assertThat(sheet.rows().get(1).problem()).contains("category");
        assertThat(read("""
                Company,Role,Applied,Status
                Initech,Engineer,2025-10-03,rejected
                """, JOBS).rows().get(0).readable()).isTrue();
    }

    @Test
    void withoutATitleTheTargetNamesTheAttemptAndWithoutAStatusItWaits() {
        Fields fields = read("Employer,Applied on\nAcme,2025-10-01\n", JOBS).rows().get(0).fields();
        assertThat(fields.title()).isEqualTo("Acme");
        assertThat(fields.status()).isEqualTo(AttemptStatus.WAITING);
    }

    @Test
    void aFileWithoutATargetColumnOrNotUtf8IsNoSheetOfAttempts() {
        assertThatThrownBy(() -> read("Role,Applied\nEngineer,2025-10-01\n", JOBS))
                .isInstanceOf(AttemptSheet.SheetException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> AttemptSheet.read(new byte[] { (byte) 0xC3, (byte) 0x28 }, JOBS))
                .isInstanceOf(AttemptSheet.SheetException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read("", JOBS)).isInstanceOf(AttemptSheet.SheetException.class);
        assertThatThrownBy(() -> read("Company\nAcme\n", new Options("not a pattern {", JOBS.defaultCategory())))
                .isInstanceOf(AttemptSheet.SheetException.class).hasMessageContaining("dateFormat");
    }

    private static Sheet read(String csv, Options options) {
        return AttemptSheet.read(csv.getBytes(StandardCharsets.UTF_8), options);
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
