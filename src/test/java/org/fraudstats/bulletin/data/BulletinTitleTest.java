package org.fraudstats.bulletin.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.fraudstats.bulletin.BulletinKind;
import org.junit.jupiter.api.Test;

/** The heading under the masthead names the day once, whatever kind of bulletin covers it. */
class BulletinTitleTest {

    @Test
    void aDayIsNamedOnce_aPeriodFromItsFirstToItsLastDay() {
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        assertThat(BulletinAssembler.title(BulletinKind.DAILY, leapDay, leapDay)).isEqualTo("2024年2月29日");
        assertThat(BulletinAssembler.title(BulletinKind.ofRange(leapDay, leapDay), leapDay, leapDay)).isEqualTo("2024年2月29日");
        assertThat(BulletinAssembler.title(BulletinKind.ofRange(leapDay, LocalDate.of(2024, 3, 6)), leapDay, LocalDate.of(2024, 3, 6)))
                .isEqualTo("2024年2月29日至2024年3月6日");
    }
}
