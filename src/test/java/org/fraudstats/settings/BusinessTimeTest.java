package org.fraudstats.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Spring Batch's local times shown as the centre reads them: Beijing time, with the offset and the seconds. */
class BusinessTimeTest {

    @Test
    void aJobTimeIsShownInBeijingTimeWhateverZoneItWasWrittenIn() {
        LocalDateTime utc = LocalDateTime.of(2022, 10, 24, 16, 30, 0);
        assertThat(BusinessTime.ofJob(utc, ZoneOffset.UTC)).isEqualTo("2022-10-25 00:30:00+08:00");
        assertThat(BusinessTime.ofJob(LocalDateTime.of(2022, 10, 25, 0, 30, 0), ZoneId.of("Asia/Shanghai")))
                .isEqualTo("2022-10-25 00:30:00+08:00");
        assertThat(BusinessTime.ofJob(null, ZoneOffset.UTC)).isNull();
    }

    @Test
    void everyCommandRunsItsJvmInUtcSoTheTimesItWritesReadBackAlike() {
        // the tests' JVM runs in UTC (pom.xml), as cli/Main sets it for every command
        assertThat(ZoneId.systemDefault().normalized()).isEqualTo(ZoneOffset.UTC);
        assertThat(BusinessTime.ofJob(LocalDateTime.of(2022, 10, 24, 16, 30, 5))).isEqualTo("2022-10-25 00:30:05+08:00");
    }

    /** One English form of a list of days for every warning and record (r33f: three forms). */
    @Test
    void daysAreNamedAlikeEverywhere() {
        java.time.LocalDate d = java.time.LocalDate.of(2022, 10, 20);
        assertThat(BusinessTime.daysNamed(java.util.List.of(d))).isEqualTo("2022-10-20");
        assertThat(BusinessTime.daysNamed(java.util.List.of(d, d.plusDays(3)))).isEqualTo("2022-10-20 and 2022-10-23");
        assertThat(BusinessTime.daysNamed(java.util.List.of(d, d.plusDays(2), d.plusDays(5))))
                .isEqualTo("2022-10-20, 2022-10-22 and 2022-10-25");
        assertThat(BusinessTime.daysNamed(d.datesUntil(d.plusDays(7)).toList())).isEqualTo("2022-10-20 and 6 more days");
    }
}
