package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RevisionChangesTest {

    @Test
    void namesTheChangedDaysAsRuns() {
        assertThat(RevisionChanges.reasonLine(days("2022-10-20"))).isEqualTo("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）");
        assertThat(RevisionChanges.named(days("2022-10-11", "2022-10-12", "2022-10-13", "2022-10-15", "2022-10-16")))
                .isEqualTo("2022-10-11 至 2022-10-13、2022-10-15 至 2022-10-16");
        assertThat(RevisionChanges.named(days("2022-10-01", "2022-10-03", "2022-10-05", "2022-10-07", "2022-10-09", "2022-10-10")))
                .isEqualTo("2022-10-01、2022-10-03、2022-10-05 等 6 天");
    }

    @Test
    void tellsTheReasonFromTheFigures() {
        List<String> changes = List.of("佛山市 电诈警情 1 → 2", "今年以来 全市 电诈警情 3 → 4",
                RevisionChanges.reasonLine(days("2022-10-20")));
        assertThat(RevisionChanges.figures(changes)).containsExactly("佛山市 电诈警情 1 → 2", "今年以来 全市 电诈警情 3 → 4");
        assertThat(RevisionChanges.reason(changes)).contains("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）");
        assertThat(RevisionChanges.reason(List.of("数据未到 → 数据已到达"))).isEmpty();
    }

    private static List<LocalDate> days(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }
}
