package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.fraudstats.bulletin.ReadDays.Span;
import org.junit.jupiter.api.Test;

class ReadDaysTest {

    @Test
    void aDailyReadsItsDayItsBasesItsYearsToDateAndItsTrend() {
        assertThat(ReadDays.of(BulletinKind.DAILY, day("2024-02-29"), day("2024-02-29")).spans()).containsExactly(
                new Span(day("2024-02-29"), day("2024-02-29")),
                // 29 February maps to 28 February (metrics.md)
                new Span(day("2023-02-28"), day("2023-02-28")),
                new Span(day("2024-02-28"), day("2024-02-28")),
                new Span(day("2024-01-01"), day("2024-02-29")),
                new Span(day("2023-01-01"), day("2023-02-28")),
                new Span(day("2024-01-31"), day("2024-02-29")));
    }

    @Test
    void aMonthlyReadsItsMonthTheDaysBeforeItAndLastYearsWithoutATrendOfItsOwn() {
        assertThat(ReadDays.of(BulletinKind.MONTHLY, day("2022-10-01"), day("2022-10-31")).spans()).containsExactly(
                new Span(day("2022-10-01"), day("2022-10-31")),
                new Span(day("2021-10-01"), day("2021-10-31")),
                new Span(day("2022-08-31"), day("2022-09-30")),
                new Span(day("2022-01-01"), day("2022-10-31")),
                new Span(day("2021-01-01"), day("2021-10-31")));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
