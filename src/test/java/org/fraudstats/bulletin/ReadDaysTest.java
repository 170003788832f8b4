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

    /**
     * A range across New Year: its year to date is the year of its last day (r42c: a mutant reading the year of its
     * first day, 2021-01-01..2022-01-02 as 今年以来, survived every test; no test period crossed a year).
     */
    @Test
    void aRangeAcrossNewYearReadsTheYearOfItsLastDay() {
        ReadDays reads = ReadDays.of(BulletinKind.RANGE, day("2021-12-27"), day("2022-01-02"));
        assertThat(reads.yearToDate()).isEqualTo(new Span(day("2022-01-01"), day("2022-01-02")));
        assertThat(reads.lastYearToDate()).isEqualTo(new Span(day("2021-01-01"), day("2021-01-02")));
        assertThat(reads.yoy()).isEqualTo(new Span(day("2020-12-27"), day("2021-01-02")));
    }

    @Test
    void theDaysOfManyBulletinsAreAsFewSpansAsCoverThem() {
        // the dailies of 2–3 March 2022: their years to date, trends, 环比 and 同比 days join into one span a year
        assertThat(ReadDays.union(java.util.List.of(
                java.util.Map.entry(BulletinKind.DAILY, new Span(day("2022-03-02"), day("2022-03-02"))),
                java.util.Map.entry(BulletinKind.DAILY, new Span(day("2022-03-03"), day("2022-03-03")))))).containsExactly(
                new Span(day("2021-01-01"), day("2021-03-03")),
                new Span(day("2022-01-01"), day("2022-03-03")));
        // a range's 环比 days (30–31 May) join its period; last year's to date holds its 同比 days
        assertThat(ReadDays.union(java.util.List.of(
                java.util.Map.entry(BulletinKind.RANGE, new Span(day("2024-06-01"), day("2024-06-02")))))).containsExactly(
                new Span(day("2023-01-01"), day("2023-06-02")),
                new Span(day("2024-01-01"), day("2024-06-02")));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
