package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.StringJoiner;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.Metric;
import org.junit.jupiter.api.Test;

/**
 * A revision kept before a figure was added to metrics.md stays the latest (a figure it did not keep is no change),
 * so its page's 要点 and its mails are read from it: they say what it kept, whatever it did not keep that they do not
 * say (review: the read threw for a missing count, then gave nothing and the mails could not be composed).
 */
class KeyFiguresOfAnOlderRevisionTest {

    /** Every section's city row with every metric but {@code missing}, each count 4 and each amount 4.00. */
    private static String snapshotWithout(Metric missing) {
        StringJoiner row = new StringJoiner(",", "{", "}");
        for (Metric m : Metric.values()) {
            if (m != missing) {
                row.add("\"" + m.key() + "\":\"" + (m.kind() == Metric.Kind.COUNT ? "4" : "4.00") + "\"");
            }
        }
        return "{\"areas\":{\"440600\":" + row + "},\"yoy_base\":{\"440600\":" + row + "},\"pop_base\":{\"440600\":" + row
                + "},\"ytd\":{\"city\":" + row + "}}";
    }

    @Test
    void theLinesOfAnOlderRevisionAreSaidWhenItKeptWhatTheySay() {
        KeyFigures key = new KeyFigures(null, Catalog.foshan());
        LocalDate day = LocalDate.of(2022, 10, 24);
        var said = key.asPrinted(true, day, day, PublishedFigures.of(snapshotWithout(Metric.FREEZE_ACCOUNTS)));
        assertThat(said).isPresent();
        assertThat(String.join("\n", said.get().lines())).contains("电诈警情 4宗（同比0.0%，环比0.0%）");
        // a figure the lines say, not kept: no lines, rather than a 0 made up for it
        assertThat(key.asPrinted(true, day, day, PublishedFigures.of(snapshotWithout(Metric.STOP_AMOUNT)))).isEmpty();
    }
}
