package app.ghostresume.query.report;

import java.util.List;
import java.util.Locale;

import app.ghostresume.query.challenge.Leaderboard;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML reports' charts, drawn on the server as inline SVG so that the page needs no script: weekly bars of
 * attempts, rejections and acceptances, the sting trend by week, a goal's periods against their targets, and a
 * challenge's leaderboard. Each chart carries a text alternative; every label is escaped.
 */
final class ReportCharts {

    static final String ATTEMPT = "#5b6470";
    static final String REJECTION = "#b3261e";
    static final String ACCEPTANCE = "#1e7b34";
    static final String GOAL = "#6a3fa0";

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 36;
    private static final int BOTTOM = 36;
    private static final int TOP = 16;

    private ReportCharts() {
    }

    /** Attempts, rejections and acceptances side by side for each week of the period. */
    static String weeklyBars(List<SeekerReport.WeekFigures> weeks) {
        long max = 1;
        for (SeekerReport.WeekFigures week : weeks) {
            max = Math.max(max, Math.max(week.counts().attempts(),
                    Math.max(week.counts().rejections(), week.counts().acceptances())));
        }
        StringBuilder svg = open("Attempts, rejections and acceptances by week", weeks.size() + " weeks");
        axis(svg, max);
        double slot = (WIDTH - LEFT - 8) / (double) Math.max(1, weeks.size());
        double bar = Math.max(1, slot / 4);
        for (int i = 0; i < weeks.size(); i++) {
            SeekerReport.WeekFigures week = weeks.get(i);
            double x = LEFT + 4 + i * slot;
            bar(svg, x, bar, week.counts().attempts(), max, ATTEMPT, week.week() + ": " + week.counts().attempts()
                    + " attempts");
            bar(svg, x + bar, bar, week.counts().rejections(), max, REJECTION, week.week() + ": "
                    + week.counts().rejections() + " rejections");
            bar(svg, x + 2 * bar, bar, week.counts().acceptances(), max, ACCEPTANCE, week.week() + ": "
                    + week.counts().acceptances() + " acceptances");
            if (weeks.size() <= 14 || i % 4 == 0) {
                label(svg, x + 1.5 * bar, HEIGHT - BOTTOM + 16, week.week().substring(5), "middle");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The average sting (1 to 5) of each week's rejections, a week without a rated rejection left open. */
    static String stingTrend(List<SeekerReport.WeekFigures> weeks) {
        StringBuilder svg = open("Average sting of the rejections by week, 1 (none) to 5 (a lot)",
                weeks.size() + " weeks");
        axis(svg, 5);
        double slot = (WIDTH - LEFT - 8) / (double) Math.max(1, weeks.size());
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < weeks.size(); i++) {
            SeekerReport.WeekFigures week = weeks.get(i);
            double x = LEFT + 4 + (i + 0.5) * slot;
            if (week.averageSting() == null) {
                drawing = false;
                continue;
            }
            double y = y(week.averageSting(), 5);
            path.append(drawing ? " L" : " M").append(number(x)).append(' ').append(number(y));
            drawing = true;
            svg.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                    .append("\" r=\"4\" fill=\"").append(REJECTION).append("\"><title>")
                    .append(escape(week.week() + ": average sting " + week.averageSting())).append("</title></circle>");
            if (weeks.size() <= 14 || i % 4 == 0) {
                label(svg, x, HEIGHT - BOTTOM + 16, week.week().substring(5), "middle");
            }
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(REJECTION).append("\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** A goal's periods in the report: each period's count as a bar, its target as a mark. */
    static String goalPeriods(SeekerReport.GoalResult goal) {
        long max = 1;
        for (SeekerReport.GoalPeriodResult period : goal.periods()) {
            max = Math.max(max, Math.max(period.count(), period.target()));
        }
        StringBuilder svg = open("Goal periods: count against target", goal.periods().size() + " periods, "
                + goal.periodsMet() + " met");
        axis(svg, max);
        double slot = (WIDTH - LEFT - 8) / (double) Math.max(1, goal.periods().size());
        double bar = Math.max(2, slot * 0.6);
        for (int i = 0; i < goal.periods().size(); i++) {
            SeekerReport.GoalPeriodResult period = goal.periods().get(i);
            double x = LEFT + 4 + i * slot + (slot - bar) / 2;
            String colour = period.status().equals("MET") ? ACCEPTANCE : period.status().equals("MISSED") ? REJECTION
                    : ATTEMPT;
            bar(svg, x, bar, period.count(), max, colour, period.start() + " to " + period.end() + ": "
                    + period.count() + " of " + period.target() + ", " + period.status().toLowerCase(Locale.ROOT));
            double target = y(period.target(), max);
            svg.append("<line x1=\"").append(number(x - 2)).append("\" x2=\"").append(number(x + bar + 2))
                    .append("\" y1=\"").append(number(target)).append("\" y2=\"").append(number(target))
                    .append("\" stroke=\"").append(GOAL).append("\" stroke-width=\"3\"/>");
            if (goal.periods().size() <= 14 || i % 4 == 0) {
                label(svg, x + bar / 2, HEIGHT - BOTTOM + 16, period.start().toString().substring(5), "middle");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The leaderboard as horizontal bars of rejections. */
    static String leaderboard(List<Leaderboard.Standing> standings) {
        long max = 1;
        for (Leaderboard.Standing standing : standings) {
            max = Math.max(max, standing.rejections());
        }
        int rows = Math.max(1, standings.size());
        int height = TOP + rows * 26 + 8;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " "
                + height + "\" role=\"img\" aria-label=\"" + escape("Rejections by member, "
                        + standings.size() + " members") + "\">");
        for (int i = 0; i < standings.size(); i++) {
            Leaderboard.Standing standing = standings.get(i);
            double y = TOP + i * 26;
            String name = standing.displayName() != null ? standing.displayName()
                    : standing.handle() != null ? standing.handle() : "a member";
            label(svg, 180, y + 15, standing.rank() + ". " + name, "end");
            double width = (WIDTH - 200 - 60) * standing.rejections() / (double) max;
            svg.append("<rect x=\"190\" y=\"").append(number(y)).append("\" width=\"").append(number(width))
                    .append("\" height=\"18\" fill=\"").append(REJECTION).append("\"><title>")
                    .append(escape(name + ": " + standing.rejections() + " rejections, " + standing.attempts()
                            + " attempts"))
                    .append("</title></rect>");
            label(svg, 196 + width, y + 15, String.valueOf(standing.rejections()), "start");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, String description) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + escape(title + ", " + description) + "\"><title>"
                + escape(title) + "</title>");
    }

    private static void axis(StringBuilder svg, long max) {
        double base = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 4).append("\" y1=\"")
                .append(number(base)).append("\" y2=\"").append(number(base)).append("\" stroke=\"#8a8f98\"/>");
        label(svg, LEFT - 6, base + 4, "0", "end");
        label(svg, LEFT - 6, TOP + 4, String.valueOf(max), "end");
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 4).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP).append("\" stroke=\"#d5d8dc\" stroke-dasharray=\"4 4\"/>");
    }

    private static void bar(StringBuilder svg, double x, double width, long value, long max, String colour,
            String title) {
        double top = y(value, max);
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(top)).append("\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(HEIGHT - BOTTOM - top))
                .append("\" fill=\"").append(colour).append("\"><title>").append(escape(title))
                .append("</title></rect>");
    }

    private static void label(StringBuilder svg, double x, double y, String text, String anchor) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"12\" ")
                .append("fill=\"#1f2328\" text-anchor=\"").append(anchor).append("\">").append(escape(text))
                .append("</text>");
    }

    private static double y(double value, double max) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / max;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
