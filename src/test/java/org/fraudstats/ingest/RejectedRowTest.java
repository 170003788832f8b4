package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RejectedRowTest {

    @Test
    void showsTheValueItsReasonIsAbout() {
        assertThat(row("district_code: unknown district", "{\"case_id\": \"C1\", \"district_code\": \"440699\"}").value()).isEqualTo("440699");
        assertThat(row("reported_at: missing", "{\"reported_at\": \"\"}").value()).isEqualTo("（空）");
        // a control character shown, not written into the page as it is; a long value cut
        assertThat(row("station: contains a NUL character", "{\"station\": \"a\\u0000b\"}").value()).isEqualTo("a?b");
        assertThat(row("district_code: unknown district", "{\"district_code\": \"\\u202E440699\\u200B\"}").value()).isEqualTo("?440699?");
        assertThat(row("station: longer than 200 characters", "{\"station\": \"" + "站".repeat(201) + "\"}").value())
                .isEqualTo("站".repeat(60) + "…");
        // a reason about the whole row has no one value
        assertThat(row("row has 3 fields, header has 7", "{\"case_id\": \"C1\"}").value()).isNull();
    }

    @Test
    void saysWhichVersionCountsInstead() {
        RejectedRow correction = new RejectedRow(LocalDate.of(2022, 10, 17), "cases.csv", 16, "C1", "district_code: unknown district",
                "{}", LocalDate.of(2022, 10, 15), 19);
        assertThat(correction.counted()).isEqualTo("此记录此前已载入，本行的更正被拒：统计仍按数据包 2022-10-15 第 19 行的版本。");
        RejectedRow sentAgain = new RejectedRow(LocalDate.of(2022, 10, 17), "cases.csv", 16, "C1", "district_code: unknown district",
                "{}", LocalDate.of(2022, 10, 18), 2);
        assertThat(sentAgain.counted()).isEqualTo("此记录已由数据包 2022-10-18 第 2 行重新报送并计入统计。");
        assertThat(row("district_code: unknown district", "{}").counted()).isNull();
    }

    private static RejectedRow row(String reason, String values) {
        return new RejectedRow(LocalDate.of(2022, 10, 23), "cases.csv", 2, "C1", reason, values);
    }
}
