package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formats of feeds.md read by hand: the same values pass and fail as with the regular expressions before. */
class FieldFormatsTest {

    @Test
    void aTimestampIsStagedAsWrittenWithBeijingTimeWhenItNamesNoOffset() {
        assertThat(FieldFormats.timestamp("2024-01-05T17:57:00+08:00")).isEqualTo("2024-01-05T17:57:00+08:00");
        assertThat(FieldFormats.timestamp("2024-01-05T17:57")).isEqualTo("2024-01-05T17:57+08:00");
        assertThat(FieldFormats.timestamp("2024-02-29T23:59:59Z")).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(FieldFormats.timestamp("2024-01-05T17:57:00.5-14:00")).isEqualTo("2024-01-05T17:57:00.5-14:00");
    }

    @Test
    void aFractionBeyondMicrosecondsIsCutNotRounded() {
        // rounded, .9999999 at 23:59:59 would move the record to the next day
        assertThat(FieldFormats.timestamp("2024-12-31T23:59:59.9999999")).isEqualTo("2024-12-31T23:59:59.999999+08:00");
        assertThat(FieldFormats.timestamp("2024-12-31T23:59:59.12345678Z")).isEqualTo("2024-12-31T23:59:59.123456Z");
    }

    @Test
    void whatIsNotATimestampOfTheFeedsIsRefused() {
        for (String bad : new String[] {"", "2024-01-05", "2024-01-05 17:57", "2024-1-05T17:57", "2024-01-05T17:5",
                "2024-01-05T24:00", "2024-01-05T17:60", "2024-01-05T17:57:60", "2023-02-29T10:00", "2024-04-31T10:00",
                "0000-01-01T00:00", "2024-01-05T17:57:00.", "2024-01-05T17:57.5", "2024-01-05T17:57+14:01",
                "2024-01-05T17:57+08", "2024-01-05T17:57+08:00Z", "2024-01-05T17:57z", "２０２４-01-05T17:57"}) {
            assertThat(FieldFormats.timestamp(bad)).as(bad).isNull();
        }
        assertThat(FieldFormats.timestamp("2024-01-05T17:57+14:00")).isNotNull();
        // written as a timestamp, naming no date, time or offset, said by the part at fault; not written as one, said so
        for (String noDate : new String[] {"2023-02-29T10:00", "2023-02-30T10:00:00+08:00", "0000-01-01T00:00", "2024-13-01T10:00"}) {
            assertThat(FieldFormats.timestampProblem(noDate)).as(noDate).isEqualTo(RejectReason.NO_SUCH_DATE);
        }
        for (String noTime : new String[] {"2024-01-05T24:00", "2024-01-05T17:60", "2024-01-05T17:57:60+08:00"}) {
            assertThat(FieldFormats.timestampProblem(noTime)).as(noTime).isEqualTo(RejectReason.NO_SUCH_TIME_OF_DAY);
        }
        for (String noOffset : new String[] {"2024-01-05T17:57+14:01", "2024-01-05T17:57:00+08:60", "2024-01-05T17:57-15:00"}) {
            assertThat(FieldFormats.timestampProblem(noOffset)).as(noOffset).isEqualTo(RejectReason.NO_SUCH_OFFSET);
        }
        // a day in Beijing before year 1 or after 9999, which no date of the pipeline names (review 33c: loaded, never
        // rolled up); the instants just inside are days
        for (String beyond : new String[] {"0001-01-01T00:00+09:00", "0001-01-01T05:59:59+14:00", "9999-12-31T16:00Z",
                "9999-12-31T23:00-12:00"}) {
            assertThat(FieldFormats.timestamp(beyond)).as(beyond).isNull();
            assertThat(FieldFormats.timestampProblem(beyond)).as(beyond).isEqualTo(RejectReason.NO_SUCH_DATE);
        }
        for (String inside : new String[] {"0001-01-01T00:00", "0001-01-01T01:00+09:00", "0001-01-01T00:00Z",
                "9999-12-31T23:59:59", "9999-12-31T15:59Z", "9999-12-31T23:59+14:00"}) {
            assertThat(FieldFormats.timestamp(inside)).as(inside).isNotNull();
        }
        for (String malformed : new String[] {"2024-01-05 17:57", "2024-01-05T17:57+08", "２０２４-01-05T17:57", "2024-01-05T17:57z"}) {
            assertThat(FieldFormats.timestampProblem(malformed)).as(malformed).isEqualTo(RejectReason.NOT_TIMESTAMP);
        }
    }

    @Test
    void moneyAndAgesKeepTheirReasons() {
        assertThat(FieldFormats.moneyProblem("12.50", false)).isNull();
        assertThat(FieldFormats.moneyProblem("0", true)).isNull();
        assertThat(FieldFormats.moneyProblem("0.00", false)).isEqualTo(RejectReason.NOT_POSITIVE);
        assertThat(FieldFormats.moneyProblem("12.505", true)).isEqualTo(RejectReason.MONEY_DECIMALS);
        assertThat(FieldFormats.moneyProblem("12.", true)).isEqualTo(RejectReason.NOT_MONEY);
        assertThat(FieldFormats.moneyProblem("-5", true)).isEqualTo(RejectReason.NOT_MONEY);
        assertThat(FieldFormats.moneyProblem("1,000", true)).isEqualTo(RejectReason.NOT_MONEY);
        assertThat(FieldFormats.moneyProblem("9999999999.99", true)).isNull();
        assertThat(FieldFormats.moneyProblem("009999999999.99", true)).isNull();
        assertThat(FieldFormats.moneyProblem("0010000000000", true)).isEqualTo(RejectReason.MONEY_TOO_LARGE);
        // a bank card number in the amount's column is no money (review 30: it loaded, and printed in clear)
        assertThat(FieldFormats.moneyProblem("6222" + "0200" + "1234" + "5678", true)).isEqualTo(RejectReason.MONEY_TOO_LARGE);
        assertThat(FieldFormats.ageProblem("120")).isNull();
        assertThat(FieldFormats.ageProblem("121")).isEqualTo(RejectReason.AGE_OUT_OF_RANGE);
        assertThat(FieldFormats.ageProblem("1200")).isEqualTo(RejectReason.AGE_OUT_OF_RANGE);
        // an integer with leading zeros is still that integer, however many: as in money, feeds.md's ^[0-9]+
        assertThat(FieldFormats.ageProblem("007")).isNull();
        assertThat(FieldFormats.ageProblem("0007")).isNull();
        assertThat(FieldFormats.ageProblem("0120")).isNull();
        assertThat(FieldFormats.ageProblem("0")).isNull();
        assertThat(FieldFormats.ageProblem("0000")).isNull();
        assertThat(FieldFormats.ageProblem("0121")).isEqualTo(RejectReason.AGE_OUT_OF_RANGE);
        assertThat(FieldFormats.ageProblem("00000000000000000000000000000121")).isEqualTo(RejectReason.AGE_OUT_OF_RANGE);
        assertThat(FieldFormats.ageProblem("+7")).isEqualTo(RejectReason.NOT_INTEGER);
        assertThat(FieldFormats.ageProblem("7.0")).isEqualTo(RejectReason.NOT_INTEGER);
        assertThat(FieldFormats.ageProblem(" 7")).isEqualTo(RejectReason.NOT_INTEGER);
    }
}
