package app.ghostresume.query.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.board.CountedFact;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A report in its other formats: CSV, one row per counted fact of the period (an attempt sent, an outcome come) for
 * spreadsheets; a printable HTML page with server-drawn charts ({@link ReportCharts}), by Thymeleaf; and a PNG card
 * to share, which shows counts only, never a target, title, note or reflection.
 */
@Component
class ReportDocuments {

    static final List<String> CSV_HEADER = List.of("fact", "day", "category", "target", "title", "sent_on",
            "status", "outcome_on", "days_to_response", "sting");

    private static final int CARD_WIDTH = 1200;
    private static final int CARD_HEIGHT = 630;

    private final ITemplateEngine templates;

    ReportDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The period's counted facts, by day: the fact and its day, then its attempt as known at the report's
     * {@code asOf} (status, outcome day, days to the answer and the sting of a rejection, wherever that came).
     */
    byte[] csv(SeekerHistory history, ReportPeriod period) {
        record Row(CountedFact fact, BoardRow attempt) {
        }
        List<Row> rows = history.attempts().stream()
                .flatMap(attempt -> attempt.countedFacts().stream().map(fact -> new Row(fact, attempt)))
                .filter(row -> period.contains(row.fact().day()))
                .sorted(Comparator.comparing((Row row) -> row.fact().day())
                        .thenComparing(row -> row.fact().fact())
                        .thenComparing(row -> row.attempt().attemptId().toString()))
                .toList();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (Row row : rows) {
                BoardRow attempt = row.attempt();
                boolean answered = attempt.status() != AttemptStatus.WAITING && attempt.outcomeOn() != null;
                Long days = answered && attempt.sentOn() != null
                        ? attempt.outcomeOn().toEpochDay() - attempt.sentOn().toEpochDay() : null;
                printer.printRecord(row.fact().fact(), row.fact().day(), attempt.category(), attempt.target(),
                        attempt.title(), attempt.sentOn(), attempt.status(), attempt.outcomeOn(), days,
                        attempt.status() == AttemptStatus.REJECTED ? attempt.sting() : null);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    String html(SeekerReport report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("asOf", report.asOf().truncatedTo(ChronoUnit.SECONDS));
        context.setVariable("weeklyChart", ReportCharts.weeklyBars(report.current().byWeek()));
        context.setVariable("stingChart", ReportCharts.stingTrend(report.current().byWeek()));
        SeekerReport.ResponseTimes times = report.current().responseTimes();
        context.setVariable("responses", List.of(new Labelled("All", times.all()),
                new Labelled("Rejections", times.rejections()), new Labelled("Acceptances", times.acceptances())));
        context.setVariable("goalCharts", report.current().goals().stream().map(ReportCharts::goalPeriods).toList());
        return templates.process("report/seeker", context);
    }

    String html(ChallengeReport report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("asOf", report.asOf().truncatedTo(ChronoUnit.SECONDS));
        context.setVariable("leaderboardChart", ReportCharts.leaderboard(report.leaderboard()));
        return templates.process("report/challenge", context);
    }

    /** The shareable card: the period and its counts, nothing the seeker wrote. */
    byte[] card(SeekerReport report) {
        BufferedImage image = new BufferedImage(CARD_WIDTH, CARD_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0x1f, 0x23, 0x28));
            g.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
            g.setColor(new Color(0xf2, 0xf4, 0xf7));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            g.drawString("My ghost résumé · " + report.period().name(), 64, 104);
            SeekerReport.Counts totals = report.current().totals();
            tile(g, 64, 170, String.valueOf(totals.rejections()), "rejections", new Color(0xf2, 0x8b, 0x82));
            tile(g, 334, 170, String.valueOf(totals.attempts()), "attempts", new Color(0xc9, 0xcd, 0xd3));
            tile(g, 604, 170, String.valueOf(totals.acceptances()), "yeses", new Color(0x81, 0xc9, 0x95));
            tile(g, 874, 170, String.valueOf(totals.ghostings()), "ghosted", new Color(0xb4, 0xa7, 0xd6));
            g.setColor(new Color(0x3a, 0x40, 0x48));
            g.setStroke(new BasicStroke(2));
            g.drawLine(64, 420, CARD_WIDTH - 64, 420);
            g.setColor(new Color(0xf2, 0xf4, 0xf7));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
            SeekerReport.Cumulative cumulative = report.current().cumulative();
            g.drawString(cumulative.rejections() + " nos and " + cumulative.acceptances() + " yeses so far"
                    + (cumulative.rejectionsPerAcceptance() == null ? ""
                            : String.format(Locale.ROOT, " · %.1f nos per yes", cumulative.rejectionsPerAcceptance())),
                    64, 480);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 32));
            g.setColor(new Color(0xf2, 0x8b, 0x82));
            g.drawString("#ShareYourRejections", 64, 560);
        }
        finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static void tile(Graphics2D g, int x, int y, String number, String label, Color colour) {
        g.setColor(colour);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 120));
        g.drawString(number, x, y + 120);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
        g.drawString(label, x, y + 180);
    }

    /** A row of a table of spreads. */
    public record Labelled(String label, SeekerReport.Spread spread) {
    }
}
