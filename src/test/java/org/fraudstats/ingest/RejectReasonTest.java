package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loader's reasons in Chinese on /rejects, the column as the file names it; anything else as recorded. */
class RejectReasonTest {

    @Test
    void eachReasonOfTheLoaderInChinese() {
        assertThat(RejectReason.chinese("loss_amount: more than 2 decimals")).isEqualTo("loss_amount：小数超过 2 位");
        assertThat(RejectReason.chinese("reported_at: not an ISO-8601 timestamp"))
                .isEqualTo("reported_at：不是 ISO-8601 时间（如 2022-10-23T23:40:00+08:00）");
        assertThat(RejectReason.chinese("victim_age: out of range 0-120")).isEqualTo("victim_age：不在 0–120 之间");
        assertThat(RejectReason.chinese("amount: must be greater than 0")).isEqualTo("amount：必须大于 0");
        assertThat(RejectReason.chinese("amount: out of range: more than 16 digits before the point")).isEqualTo("amount：超出范围：整数部分超过 16 位");
        assertThat(RejectReason.chinese("reported_at: no such date (like February 30 or year 0)")).isEqualTo("reported_at：日期不存在（如 2 月 30 日、0 年）");
        assertThat(RejectReason.chinese("issued_at: no such time of day (like 24:00 or a 60th second)")).isEqualTo("issued_at：时刻不存在（如 24 时、60 分、60 秒）");
        assertThat(RejectReason.chinese("refunded_at: no such offset (like +15:00 or +08:60)")).isEqualTo("refunded_at：时差不存在（如 +15:00、+08:60）");
        assertThat(RejectReason.chinese("station: longer than 200 characters")).isEqualTo("station：超过 200 个字符");
        assertThat(RejectReason.chinese("case_id: missing")).isEqualTo("case_id：必填项为空");
        assertThat(RejectReason.chinese("row has 5 fields, header has 7")).isEqualTo("该行有 5 个字段，表头有 7 个");
        assertThat(RejectReason.chinese("test")).isEqualTo("test");
        assertThat(RejectReason.chinese("amount: something new")).isEqualTo("amount: something new");
        assertThat(RejectReason.chinese(null)).isEmpty();
    }

    /** The lines recorded are those `rejects`, the API and scripts have read all along, byte for byte. */
    @Test
    void theRecordedLinesAreTheLoadersOwn() {
        assertThat(RejectReason.FIELD_COUNT.rowLine(8, 7)).isEqualTo("row has 8 fields, header has 7");
        assertThat(RejectReason.LONGER.line("station", 200)).isEqualTo("station: longer than 200 characters");
        assertThat(RejectReason.NUL.line("bank")).isEqualTo("bank: contains a NUL character");
        assertThat(RejectReason.MISSING.line("case_id")).isEqualTo("case_id: missing");
        assertThat(RejectReason.NOT_TIMESTAMP.line("reported_at")).isEqualTo("reported_at: not an ISO-8601 timestamp");
        assertThat(RejectReason.UNKNOWN_DISTRICT.line("district_code")).isEqualTo("district_code: unknown district");
        assertThat(RejectReason.UNKNOWN_FRAUD_TYPE.line("fraud_type")).isEqualTo("fraud_type: unknown fraud type");
        assertThat(RejectReason.UNKNOWN_ACTION.line("action")).isEqualTo("action: unknown action");
        assertThat(RejectReason.UNKNOWN_CHANNEL.line("channel")).isEqualTo("channel: unknown channel");
        assertThat(RejectReason.UNKNOWN_OUTCOME.line("outcome")).isEqualTo("outcome: unknown outcome");
        assertThat(RejectReason.NOT_MONEY.line("amount")).isEqualTo("amount: not a plain decimal amount in yuan");
        assertThat(RejectReason.MONEY_DECIMALS.line("loss_amount")).isEqualTo("loss_amount: more than 2 decimals");
        assertThat(RejectReason.MONEY_TOO_LARGE.line("amount")).isEqualTo("amount: out of range: more than 10 digits before the point "
                + "(10 billion yuan or more: an account number in this column?)");
        // and reads back in Chinese
        assertThat(RejectReason.chinese(RejectReason.MONEY_TOO_LARGE.line("amount")))
                .isEqualTo("amount：超出范围：整数部分超过 10 位（100 亿元及以上：是否误填了账号？）");
        // the limit it names is the one FieldFormats applies
        assertThat(RejectReason.MONEY_TOO_LARGE.line("amount")).contains("more than " + FieldFormats.MONEY_INTEGER_DIGITS + " digits");
        assertThat(RejectReason.NOT_POSITIVE.line("amount")).isEqualTo("amount: must be greater than 0");
        assertThat(RejectReason.NOT_INTEGER.line("victim_age")).isEqualTo("victim_age: not an integer");
        assertThat(RejectReason.AGE_OUT_OF_RANGE.line("victim_age")).isEqualTo("victim_age: out of range 0-120");
    }

    /** Whatever line the loader writes, the page reads back: no reason falls back to English. */
    @Test
    void everyLineTheLoaderWritesIsReadBack() {
        for (RejectReason reason : RejectReason.values()) {
            boolean aboutTheRow = reason == RejectReason.FIELD_COUNT || reason == RejectReason.STRAY_CR;
            String line = aboutTheRow ? reason.rowLine(8, 7) : reason.line("amount", 200);
            assertThat(RejectReason.chinese(line)).as(line)
                    .doesNotContain(line)
                    .matches(aboutTheRow ? "(该行有 8 个字段，表头有 7 个|第 8 个字段含单独的回车符.*)" : "amount：\\P{IsLatin}.*");
        }
    }
}
