package org.fraudstats.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PressNumbersTest {

    @Nested
    class Counts {

        @Test
        void countsBelowTenThousandAreExactWithoutSeparators() {
            assertThat(PressNumbers.count(416, "宗")).isEqualTo("416宗");
            assertThat(PressNumbers.count(9_999, "宗")).isEqualTo("9999宗");
        }

        @Test
        void zeroIsQuotedAsZero() {
            assertThat(PressNumbers.count(0, "个")).isEqualTo("0个");
        }

        @Test
        void countsFromTenThousandAreTruncatedToOneDecimalOfWan() {
            assertThat(PressNumbers.count(17_345, "宗")).isEqualTo("1.7万多宗");
            assertThat(PressNumbers.count(2_202_137, "条")).isEqualTo("220.2万多条");
        }

        @Test
        void truncationNeverRoundsUp() {
            assertThat(PressNumbers.count(17_999, "宗")).isEqualTo("1.7万多宗");
        }

        @Test
        void aTrailingPointZeroIsDroppedAndNothingDroppedMeansNoDuo() {
            assertThat(PressNumbers.count(21_000, "个")).isEqualTo("2.1万个");
            assertThat(PressNumbers.count(10_000, "宗")).isEqualTo("1万宗");
            assertThat(PressNumbers.count(250_000_000, "条")).isEqualTo("2.5亿条");
        }

        @Test
        void duoFollowsTheUnitEvenWhenTheShownFigureIsWhole() {
            assertThat(PressNumbers.count(10_001, "宗")).isEqualTo("1万多宗");
            assertThat(PressNumbers.count(100_000_001, "条")).isEqualTo("1亿多条");
        }

        @Test
        void countsJustBelowOneHundredMillionStayInWan() {
            assertThat(PressNumbers.count(99_999_999, "条")).isEqualTo("9999.9万多条");
        }

        @Test
        void countsFromOneHundredMillionAreInYi() {
            assertThat(PressNumbers.count(100_000_000, "条")).isEqualTo("1亿条");
            assertThat(PressNumbers.count(123_456_789, "人次")).isEqualTo("1.2亿多人次");
        }

        @Test
        void countsOfATrillionAndMoreStayInYi() {
            assertThat(PressNumbers.count(1_500_000_000_000L, "条")).isEqualTo("15000亿条");
            assertThat(PressNumbers.count(Long.MAX_VALUE, "条")).isEqualTo("92233720368.5亿多条");
        }

        @Test
        void negativeCountsAreRejected() {
            assertThatThrownBy(() -> PressNumbers.count(-1, "宗")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Money {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "9800, 9800元",
                "9800.00, 9800元",
                "9800.50, 9800多元",
                "9999.99, 9999多元",
                "1, 1元",
                "0.00, 0元",
                "0, 0元"})
        void amountsBelowTenThousandAreWholeYuanWithFenTruncated(String yuan, String press) {
            assertThat(PressNumbers.money(new BigDecimal(yuan))).isEqualTo(press);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"0.50", "0.01", "0.99"})
        void amountsBelowOneYuanFollowTheRuleAsWritten(String yuan) {
            assertThat(PressNumbers.money(new BigDecimal(yuan))).isEqualTo("0多元");
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "410352000.00, 4.1亿多元",
                "980000, 98万元",
                "43123456.78, 4300多万元",
                "270000000, 2.7亿元",
                "12345, 1.2万多元",
                "980000.50, 98多万元",
                "15000.01, 1.5万多元"})
        void everyExampleOfThePressStyleHolds(String yuan, String press) {
            assertThat(PressNumbers.money(new BigDecimal(yuan))).isEqualTo(press);
        }

        @Test
        void amountsFromTenThousandKeepTwoSignificantFiguresTruncated() {
            assertThat(PressNumbers.money(new BigDecimal("99999"))).isEqualTo("9.9万多元");
            assertThat(PressNumbers.money(new BigDecimal("8059792.06"))).isEqualTo("800多万元");
            assertThat(PressNumbers.money(new BigDecimal("1180778.64"))).isEqualTo("110多万元");
            // exactly 10 of the unit with more: 十多万, never 十万多 (r42c: a mutant moving 多 at 10 survived)
            assertThat(PressNumbers.money(new BigDecimal("105000"))).isEqualTo("10多万元");
            assertThat(PressNumbers.money(new BigDecimal("1050000000"))).isEqualTo("10多亿元");
        }

        @Test
        void tenThousandYuanIsOneWan() {
            assertThat(PressNumbers.money(new BigDecimal("10000.00"))).isEqualTo("1万元");
            assertThat(PressNumbers.money(new BigDecimal("10000.01"))).isEqualTo("1万多元");
        }

        @Test
        void aSingleDigitFigureKeepsDuoAfterTheUnitOnceItsPointZeroIsDropped() {
            assertThat(PressNumbers.money(new BigDecimal("20999.99"))).isEqualTo("2万多元");
            assertThat(PressNumbers.money(new BigDecimal("200000000.01"))).isEqualTo("2亿多元");
        }

        @Test
        void fenAloneAreEnoughForDuo() {
            assertThat(PressNumbers.money(new BigDecimal("43000000.01"))).isEqualTo("4300多万元");
            assertThat(PressNumbers.money(new BigDecimal("43000000.00"))).isEqualTo("4300万元");
        }

        @Test
        void amountsJustBelowOneHundredMillionStayInWan() {
            assertThat(PressNumbers.money(new BigDecimal("99999999.99"))).isEqualTo("9900多万元");
        }

        @Test
        void amountsFromOneHundredMillionAreInYi() {
            assertThat(PressNumbers.money(new BigDecimal("100000000"))).isEqualTo("1亿元");
            assertThat(PressNumbers.money(new BigDecimal("123456789012"))).isEqualTo("1200多亿元");
        }

        @Test
        void amountsOfATrillionAndMoreStayInYi() {
            assertThat(PressNumbers.money(new BigDecimal("1200000000000.00"))).isEqualTo("12000亿元");
            assertThat(PressNumbers.money(new BigDecimal("1234567890123.45"))).isEqualTo("12000多亿元");
        }

        @Test
        void trailingZerosOfTheExactAmountDoNotChangeTheForm() {
            assertThat(PressNumbers.money(new BigDecimal("2.7E+8"))).isEqualTo("2.7亿元");
            assertThat(PressNumbers.money(new BigDecimal("980000.000"))).isEqualTo("98万元");
        }

        @Test
        void negativeAmountsAreRejected() {
            assertThatThrownBy(() -> PressNumbers.money(new BigDecimal("-0.01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
