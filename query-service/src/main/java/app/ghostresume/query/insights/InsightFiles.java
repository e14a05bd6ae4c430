package app.ghostresume.query.insights;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a community report to a folder: {@code report.md} (every table and its chart), {@code report.json},
 * one CSV and one PNG bar chart per question. A suppressed cell is empty in the CSV and {@code –} in the tables.
 */
final class InsightFiles {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private InsightFiles() {
    }

    static List<Path> write(CommunityReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Ghost Résumé community report\n\n")
                .append("Computed ").append(report.computedAt()).append(" by replaying ").append(report.events())
                .append(" events from the start of the topic. Every figure covers at least ")
                .append(report.privacyThreshold()).append(" distinct seekers; a cell that would cover fewer is")
                .append(" suppressed (–), and a row that would show nothing is left out.\n");
        for (Table table : report.tables()) {
            md.append("\n## ").append(table.title()).append("\n\n").append(table.question()).append("\n\n");
            md.append("| ").append(String.join(" | ", table.columns())).append(" |\n|");
            table.columns().forEach(column -> md.append("---|"));
            md.append('\n');
            for (List<Object> row : table.rows()) {
                md.append("| ");
                row.forEach(cell -> md.append(cell == null ? "–" : cell).append(" | "));
                md.append('\n');
            }
            if (table.rows().isEmpty()) {
                md.append("\nNo row covers enough seekers yet.\n");
            }
            if (table.suppressedRows() > 0) {
                md.append("\n").append(table.suppressedRows()).append(" rows suppressed (too few seekers).\n");
            }
            Path csv = folder.resolve(table.name() + ".csv");
            Files.writeString(csv, csv(table));
            written.add(csv);
            Path png = folder.resolve(table.name() + ".png");
            ImageIO.write(chart(table), "png", png.toFile());
            written.add(png);
            md.append("\n![").append(table.title()).append("](").append(png.getFileName()).append(")\n");
        }
        Path markdown = folder.resolve("report.md");
        Files.writeString(markdown, md);
        Path json = folder.resolve("report.json");
        Files.writeString(json, JSON.writeValueAsString(report));
        written.add(0, json);
        written.add(0, markdown);
        return written;
    }

    private static String csv(Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader(table.columns().toArray(String[]::new)).get())) {
            for (List<Object> row : table.rows()) {
                printer.printRecord(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** The chart column of each row as a horizontal bar, labelled by the row's first cell. */
    private static BufferedImage chart(Table table) {
        int rows = Math.max(1, table.rows().size());
        int width = 1000;
        int height = 80 + rows * 34;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x1f, 0x23, 0x28));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString(table.title() + ": " + table.columns().get(table.chartColumn()), 20, 36);
            double max = 0;
            for (List<Object> row : table.rows()) {
                max = Math.max(max, value(row.get(table.chartColumn())));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            for (int i = 0; i < table.rows().size(); i++) {
                List<Object> row = table.rows().get(i);
                int y = 64 + i * 34;
                g.setColor(new Color(0x1f, 0x23, 0x28));
                g.drawString(String.valueOf(row.get(0)), 20, y + 18);
                Object cell = row.get(table.chartColumn());
                int bar = max == 0 ? 0 : (int) Math.round(520 * value(cell) / max);
                g.setColor(new Color(0xb3, 0x26, 0x1e));
                g.fillRect(360, y + 2, bar, 22);
                g.setColor(new Color(0x1f, 0x23, 0x28));
                g.drawString(cell == null ? "–" : String.format(Locale.ROOT, "%s", cell), 368 + bar, y + 18);
            }
        }
        finally {
            g.dispose();
        }
        return image;
    }

    private static double value(Object cell) {
        return cell instanceof Number number ? number.doubleValue() : 0;
    }
}
