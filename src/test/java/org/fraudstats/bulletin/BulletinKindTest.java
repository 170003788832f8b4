package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BulletinKindTest {

    @Test
    void shouldTellARangeBulletinsKindByItsDates() {
        assertThat(BulletinKind.ofRange(day("2022-10-17"), day("2022-10-23"))).isEqualTo(BulletinKind.WEEKLY);
        assertThat(BulletinKind.ofRange(day("2022-09-01"), day("2022-09-30"))).isEqualTo(BulletinKind.MONTHLY);
        assertThat(BulletinKind.ofRange(day("2024-02-01"), day("2024-02-29"))).isEqualTo(BulletinKind.MONTHLY);
        assertThat(BulletinKind.ofRange(day("2022-10-01"), day("2022-10-24"))).isEqualTo(BulletinKind.RANGE);
        assertThat(BulletinKind.ofRange(day("2022-10-24"), day("2022-10-24"))).isEqualTo(BulletinKind.RANGE);
        // seven days from a Wednesday are no week: not 周报, as they are not mailed as one (review)
        assertThat(BulletinKind.ofRange(day("2022-10-19"), day("2022-10-25"))).isEqualTo(BulletinKind.RANGE);
    }

    @Test
    void shouldNameTheDocumentByItsKind() {
        assertThat(BulletinKind.DAILY.documentName()).isEqualTo("电信网络诈骗警情日报");
        assertThat(BulletinKind.WEEKLY.documentName()).isEqualTo("电信网络诈骗警情通报（周报）");
        assertThat(BulletinKind.MONTHLY.documentName()).isEqualTo("电信网络诈骗警情通报（月报）");
        assertThat(BulletinKind.RANGE.documentName()).isEqualTo("电信网络诈骗警情通报（区间）");
    }

    @Test
    void shouldKeepWeeksAndMonthsInTheRangeLayout() {
        assertThat(BulletinKind.DAILY.key()).isEqualTo("daily");
        assertThat(BulletinKind.WEEKLY.key()).isEqualTo("range");
        assertThat(BulletinKind.MONTHLY.key()).isEqualTo("range");
        assertThat(BulletinKind.RANGE.key()).isEqualTo("range");
        assertThat(BulletinKind.of("range", day("2022-10-17"), day("2022-10-23"))).isEqualTo(BulletinKind.WEEKLY);
        assertThat(BulletinKind.of("daily", day("2022-10-23"), day("2022-10-23"))).isEqualTo(BulletinKind.DAILY);
    }

    @Test
    void shouldWriteThePeriodAsTheFoldersDo() {
        assertThat(BulletinKind.DAILY.period(day("2022-10-23"), day("2022-10-23"))).isEqualTo("2022-10-23");
        assertThat(BulletinKind.WEEKLY.period(day("2022-10-17"), day("2022-10-23"))).isEqualTo("2022-10-17_2022-10-23");
        // a one-day range bulletin is not a daily one: its own folder, beside OUT/daily/2022-10-24
        assertThat(BulletinKind.RANGE.period(day("2022-10-24"), day("2022-10-24"))).isEqualTo("2022-10-24_2022-10-24");
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
