package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The mail and the bulletin's page name what 同比 and 环比 compare with, as the PDF does under its table: a leader
 * holding October's 月报 found November's 环比-2.6% wrong against it (-5.1%), the base being the 30 days before
 * November (metrics.md), which only the PDF's small print said.
 */
class KeyFiguresBasesTest {

    @Test
    void aMonthlysBaseIsSaidNotToBeTheMonthBeforeWhenItIsNot() {
        assertThat(KeyFigures.bases(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 30)))
                .isEqualTo("同比基期：2021年11月1日至11月30日；环比基期：2022年10月2日至10月31日（与本期同样天数，不是上一个自然月）。");
        // August's 31 days before it are July
        assertThat(KeyFigures.bases(LocalDate.of(2022, 8, 1), LocalDate.of(2022, 8, 31)))
                .isEqualTo("同比基期：2021年8月1日至8月31日；环比基期：2022年7月1日至7月31日。");
    }

    @Test
    void aDailysBasesAreTheSameDayLastYearAndTheDayBefore() {
        assertThat(KeyFigures.bases(LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31)))
                .isEqualTo("同比基期：2021年12月31日；环比基期：2022年12月30日。");
        assertThat(KeyFigures.bases(LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23)))
                .isEqualTo("同比基期：2021年10月17日至10月23日；环比基期：2022年10月10日至10月16日。");
    }
}
