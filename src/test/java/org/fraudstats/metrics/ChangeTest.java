package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fraudstats.metrics.Metric;
import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void shouldRoundHalfAwayFromZeroToOneDecimal() {
        assertThat(Change.percent(449, 400)).contains(new BigDecimal("12.3"));   // +12.25
        assertThat(Change.percent(351, 400)).contains(new BigDecimal("-12.3"));  // -12.25
        assertThat(Change.percent(64, 69)).contains(new BigDecimal("-7.2"));
        assertThat(Change.percent(0, 2)).contains(new BigDecimal("-100.0"));
    }

    @Test
    void shouldBeEmptyWhenTheBaseIsZero() {
        assertThat(Change.percent(7, 0)).isEmpty();
        assertThat(Change.percent(new BigDecimal("0.00"), new BigDecimal("0.00"))).isEmpty();
    }

    @Test
    void shouldWriteZeroAsZeroNeverMinusZero() {
        assertThat(Change.percent(118, 118).map(BigDecimal::toPlainString)).contains("0.0");
        Optional<BigDecimal> tiny = Change.percent(new BigDecimal("9999.99"), new BigDecimal("10000.00"));
        assertThat(tiny.map(BigDecimal::toPlainString)).contains("0.0");

    }

    /** Every change of the golden 同比 file, which was computed from the spec alone, not from this code. */
    @Test
    void shouldAgreeWithTheGoldenYearOnYearFile() throws IOException {
        List<String> lines = golden("golden/expected-yoy-2022-10-01_2022-10-24.csv");
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (Metric metric : Metric.values()) {
                if (!metric.comparable()) {
                    continue;
                }
                BigDecimal current = new BigDecimal(cells[header.indexOf(metric.key())]);
                BigDecimal base = new BigDecimal(cells[header.indexOf(metric.key() + "_base")]);
                String expected = cells[header.indexOf(metric.key() + "_change")];
                assertThat(Change.percent(current, base).map(BigDecimal::toPlainString).orElse(""))
                        .as("%s of %s", metric.key(), cells[2]).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6 * 10);
    }

    /** Said alike in the bulletin, its mail and the portal: a rise with its sign, digits grouped. */
    @org.junit.jupiter.api.Test
    void aChangeIsSaidWithItsSignAndGroupedDigits() {
        assertThat(Change.said(new BigDecimal("4.0"))).isEqualTo("+4.0%");
        assertThat(Change.said(new BigDecimal("-7.2"))).isEqualTo("-7.2%");
        assertThat(Change.said(new BigDecimal("0.0"))).isEqualTo("0.0%");
        assertThat(Change.said(new BigDecimal("1204999900.0"))).isEqualTo("+1,204,999,900.0%");
        assertThat(Change.said(Change.percent(1, 2).orElseThrow())).isEqualTo("-50.0%");
    }

    private static List<String> golden(String resource) throws IOException {
        try (InputStream in = ChangeTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
