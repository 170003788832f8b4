package org.fraudstats.bulletin.look;

import static org.assertj.core.api.Assertions.assertThat;

import org.fraudstats.metrics.Metric;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void shouldNameAMetricWithItsUnitAsMetricsMdDoes() {
        assertThat(Labels.withUnit(Metric.CASES)).isEqualTo("电诈警情（宗）");
        assertThat(Labels.withUnit(Metric.LOSS_AMOUNT)).isEqualTo("案损金额（元）");
        assertThat(Labels.withUnit(Metric.DISSUADED_VISITS)).isEqualTo("见面劝阻（人次）");
        assertThat(Labels.withUnit(Metric.MEDIAN_MINUTES_TO_STOP)).isEqualTo("止付中位时长（分钟）");
    }

    @Test
    void shouldGiveTheChartsAndNarrowColumnsTheShortName() {
        assertThat(Labels.shortWithUnit(Metric.CASES)).isEqualTo("警情（宗）");
        assertThat(Labels.shortWithUnit(Metric.STOP_AMOUNT)).isEqualTo("止付金额（元）");
        assertThat(Labels.shortName(Metric.STOP_ACCOUNTS)).isEqualTo("止付账户");
        assertThat(Labels.column(Metric.LOSS_AMOUNT, false)).isEqualTo("案损金额（元）");
        assertThat(Labels.column(Metric.MEDIAN_MINUTES_TO_STOP, true)).isEqualTo("止付中位时长\n（分钟）");
        assertThat(Labels.column(Metric.FREEZE_ACCOUNTS, true)).isEqualTo("冻结账户\n（个）");
    }

    @Test
    void shouldGiveBothChartsTheSameColours() {
        assertThat(Colours.bytes(Colours.CASES)).containsExactly(0x7F, 0x9C, 0xCB);
        assertThat(Colours.awt(Colours.STOP_AMOUNT).getRGB() & 0xFFFFFF).isEqualTo(0xD7000F);
    }
}
