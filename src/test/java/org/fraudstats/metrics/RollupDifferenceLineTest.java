package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A case named in a rollup difference is named as the rejects name it (review 30). */
class RollupDifferenceLineTest {

    private static final LocalDate DAY = LocalDate.of(2022, 10, 3);

    @Test
    void aCaseIdShapedAsTheCaseSystemsIsWholeAndAnyOtherDigitRunMasked() {
        assertThat(new RollupCheck.RollupDifference("case_stop_time", DAY, "440604", "FS2022100300123", "35", "").line())
                .isEqualTo("case_stop_time 2022-10-03 440604 FS2022100300123: rollup [35], facts []");
        String card = "6222" + "0200" + "1234" + "5678";
        assertThat(new RollupCheck.RollupDifference("refund_case_day", DAY, "440604", card, "refunded", "").line())
                .isEqualTo("refund_case_day 2022-10-03 440604 ************5678: rollup [refunded], facts []")
                .doesNotContain(card);
        assertThat(new RollupCheck.RollupDifference("case_day", DAY, "440604", "OTHER", "1", "2").line())
                .isEqualTo("case_day 2022-10-03 440604 OTHER: rollup [1], facts [2]");
    }
}
