package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loader's reasons in Chinese on /rejects, the column as the file names it; anything else as recorded. */
class RejectWordsTest {

    @Test
    void eachReasonOfTheLoaderInChinese() {
        assertThat(RejectWords.chinese("loss_amount: more than 2 decimals")).isEqualTo("loss_amount：小数超过 2 位");
        assertThat(RejectWords.chinese("reported_at: not an ISO-8601 timestamp"))
                .isEqualTo("reported_at：不是 ISO-8601 时间（如 2022-10-23T23:40:00+08:00）");
        assertThat(RejectWords.chinese("victim_age: out of range 0-120")).isEqualTo("victim_age：不在 0–120 之间");
        assertThat(RejectWords.chinese("amount: must be greater than 0")).isEqualTo("amount：必须大于 0");
        assertThat(RejectWords.chinese("station: longer than 200 characters")).isEqualTo("station：超过 200 个字符");
        assertThat(RejectWords.chinese("case_id: missing")).isEqualTo("case_id：必填项为空");
        assertThat(RejectWords.chinese("row has 5 fields, header has 7")).isEqualTo("该行有 5 个字段，表头有 7 个");
        assertThat(RejectWords.chinese("test")).isEqualTo("test");
        assertThat(RejectWords.chinese("amount: something new")).isEqualTo("amount: something new");
        assertThat(RejectWords.chinese(null)).isEmpty();
    }
}
