package org.fraudstats.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodNameTest {

    @ParameterizedTest(name = "{0}..{1} → {2} / {3}")
    @CsvSource(delimiter = '|', value = {
            "2022-01-01|2022-10-23|2022年以来|From 1 January to 23 October 2022",
            "2022-10-01|2022-10-23|10月以来|From 1 to 23 October 2022",
            "2022-10-23|2022-10-23|10月23日|On 23 October 2022",
            "2022-10-17|2022-10-23|10月17日至23日|From 17 to 23 October 2022",
            "2022-03-05|2022-10-23|2022年3月5日至10月23日|From 5 March to 23 October 2022",
            // January, but not its 1st: no 年以来 (r42c: a mutant taking any January start for the year survived)
            "2022-01-05|2022-10-23|2022年1月5日至10月23日|From 5 January to 23 October 2022",
            "2022-01-05|2022-01-20|1月5日至20日|From 5 to 20 January 2022",
            "2021-12-01|2022-01-31|2021年12月1日至2022年1月31日|From 1 December 2021 to 31 January 2022"})
    void everyRowOfThePeriodTableIsNamedAsReleasesDo(LocalDate from, LocalDate to, String chinese, String english) {
        assertThat(PeriodName.of(from, to)).isEqualTo(chinese);
        assertThat(PeriodName.ofEnglish(from, to)).isEqualTo(english);
    }

    @Test
    void firstOfJanuaryAloneIsOneDayNotYearToDate() {
        LocalDate day = LocalDate.of(2022, 1, 1);
        assertThat(PeriodName.of(day, day)).isEqualTo("1月1日");
        assertThat(PeriodName.ofEnglish(day, day)).isEqualTo("On 1 January 2022");
    }

    @Test
    void firstOfAMonthAloneIsOneDayNotMonthToDate() {
        LocalDate day = LocalDate.of(2022, 10, 1);
        assertThat(PeriodName.of(day, day)).isEqualTo("10月1日");
    }

    @Test
    void januaryFromTheFirstIsYearToDate() {
        assertThat(PeriodName.of(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 15))).isEqualTo("2022年以来");
    }

    @Test
    void theWholeOfAPastYearIsStillYearToDateAsTheTableSays() {
        assertThat(PeriodName.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))).isEqualTo("2021年以来");
    }

    @Test
    void theFirstOfAMonthToALaterMonthIsWithinOneYear() {
        assertThat(PeriodName.of(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 11, 5)))
                .isEqualTo("2022年10月1日至11月5日");
        assertThat(PeriodName.ofEnglish(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 11, 5)))
                .isEqualTo("From 1 October to 5 November 2022");
    }

    @Test
    void firstOfJanuaryIntoTheNextYearIsAcrossYears() {
        assertThat(PeriodName.of(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)))
                .isEqualTo("2021年1月1日至2022年1月1日");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> PeriodName.of(LocalDate.of(2022, 10, 24), LocalDate.of(2022, 10, 23)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
