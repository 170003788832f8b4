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
        // an amount loaded before money's bound is masked; a stop time's date, district and seconds are not one number
        assertThat(new RollupCheck.RollupDifference("action_day", DAY, "440604", "STOP_PAYMENT", "1 actions, amount 10.00",
                "1 actions, amount " + card + ".00").line()).isEqualTo(
                "action_day 2022-10-03 440604 STOP_PAYMENT: rollup [1 actions, amount 10.00], facts [1 actions, amount **************78.00]");
        assertThat(new RollupCheck.RollupDifference("case_stop_time", DAY, "440604", "C1", "2022-10-03 440604 1799.5 s",
                "2022-10-03 440604 1800.000000 s").line())
                .isEqualTo("case_stop_time 2022-10-03 440604 C1: rollup [2022-10-03 440604 1799.5 s], facts [2022-10-03 440604 1800.000000 s]");
    }
}
