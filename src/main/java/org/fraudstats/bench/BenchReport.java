package org.fraudstats.bench;

import java.util.List;

/**
 * What a benchmark run found: the machine, the table (Markdown, so it can go into the README as printed) and
 * notes on how each figure was taken.
 */
public record BenchReport(String scale, int years, List<String> machine, List<Measurement> rows, List<String> notes) {

    public static final List<String> HEADER = List.of("measure", "pipeline", "bare baseline", "ratio", "goal", "verdict");

    public String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("`bench --scale ").append(scale).append(" --years ").append(years).append("` on ").append(String.join(", ", machine)).append("\n\n");
        s.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        s.append("|---|---:|---:|---:|---|---|\n");
        for (Measurement m : rows) {
            s.append("| ").append(String.join(" | ", m.measure(), m.pipeline(), m.baseline(), m.ratio(), m.goal(), m.verdict()))
                    .append(" |\n");
        }
        s.append('\n');
        for (String note : notes) {
            s.append("- ").append(note).append('\n');
        }
        return s.toString();
    }
}
