package org.fraudstats.bulletin.look;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void shouldPrintMoneyExactlyWithSeparatorsWhateverTheServerLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);  // would print 8.059.792,06
            assertThat(Formats.money(new BigDecimal("8059792.06"))).isEqualTo("8,059,792.06");
            assertThat(Formats.money(new BigDecimal("0.00"))).isEqualTo("0.00");
            assertThat(Formats.count(12840)).isEqualTo("12,840");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldRefuseToRoundMoneyThatIsNotExact() {
        assertThatThrownBy(() -> Formats.money(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldAlwaysWriteTheMedianWithOneDecimal() {
        assertThat(Formats.minutes(new BigDecimal("95"))).isEqualTo("95.0");
        assertThat(Formats.minutes(new BigDecimal("37.5"))).isEqualTo("37.5");
        assertThat(Formats.minutes(null)).isEqualTo(Formats.NONE);
    }

    @Test
    void shouldNamePeriodsTheWayBulletinsDo() {
        LocalDate oct1 = LocalDate.of(2022, 10, 1);
        assertThat(Formats.period(oct1, LocalDate.of(2022, 10, 24))).isEqualTo("2022年10月1日至10月24日");
        assertThat(Formats.period(LocalDate.of(2021, 12, 1), LocalDate.of(2022, 1, 31))).isEqualTo("2021年12月1日至2022年1月31日");
        assertThat(Formats.period(oct1, oct1)).isEqualTo("2022年10月1日");
    }

    @Test
    void shouldPrintGenerationTimeInBeijingWhateverZoneItWasGivenIn() {
        assertThat(Formats.beijingTime(ZonedDateTime.parse("2022-10-25T00:15:30Z"))).isEqualTo("2022年10月25日 08:15:30");
    }

}
