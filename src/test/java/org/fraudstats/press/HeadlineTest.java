package org.fraudstats.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    private static final Catalog FOSHAN = Catalog.foshan();

    private static AreaFigures figures(String from, String to, String district, long cases, long stopAccounts,
            String stopAmount, long refundCases, String refundAmount) {
        BigDecimal zero = new BigDecimal("0.00");
        return new AreaFigures(LocalDate.parse(from), LocalDate.parse(to), district,
                cases, zero, stopAccounts, new BigDecimal(stopAmount), 0, zero,
                refundCases, new BigDecimal(refundAmount), null, 0, 0);
    }

    private static AreaFigures sample(String district) {
        return figures("2022-01-01", "2022-10-24", district, 343, 187, "8059792.06", 7, "1180778.64");
    }

    private static AreaFigures seed(String district) {
        return figures("2022-01-01", "2022-10-23", district, 17_345, 21_000, "410352000.00", 416, "43123456.78");
    }

    @Test
    void theSampleTotalsGiveTheGoldenSentence() {
        Headline headline = Headline.of(sample(Catalog.CITY), FOSHAN);

        assertThat(headline.text()).isEqualTo(
                "2022年以来，全市共处置电诈警情343宗，快速止付涉诈银行账户187个，止付资金800多万元，办理资金返还案件7宗，返还资金110多万元。");
        assertThat(headline.period()).isEqualTo(
                new Headline.Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 10, 24), "2022年以来"));
        assertThat(headline.districtCode()).isEqualTo("440600");
    }

    @Test
    void figuresKeepTheExactValueBesideThePressFormInSentenceOrder() {
        Map<String, Headline.Figure> expected = new LinkedHashMap<>();
        expected.put("cases", new Headline.Figure(343L, "343宗"));
        expected.put("stop_accounts", new Headline.Figure(187L, "187个"));
        expected.put("stop_amount", new Headline.Figure("8059792.06", "800多万元"));
        expected.put("refund_cases", new Headline.Figure(7L, "7宗"));
        expected.put("refund_amount", new Headline.Figure("1180778.64", "110多万元"));

        assertThat(Headline.of(sample(Catalog.CITY), FOSHAN).figures()).containsExactlyEntriesOf(expected);
    }

    @Test
    void moneyValuesAlwaysCarryTwoDecimals() {
        AreaFigures whole = figures("2022-10-23", "2022-10-23", Catalog.CITY, 1, 1, "980000", 0, "0");
        Headline headline = Headline.of(whole, FOSHAN);

        assertThat(headline.figures().get("stop_amount")).isEqualTo(new Headline.Figure("980000.00", "98万元"));
        assertThat(headline.figures().get("refund_amount")).isEqualTo(new Headline.Figure("0.00", "0元"));
    }

    @Test
    void theSeedTotalsGiveTheSentenceOfTheStyleGuide() {
        assertThat(Headline.of(seed(Catalog.CITY), FOSHAN).text()).isEqualTo(
                "2022年以来，全市共处置电诈警情1.7万多宗，快速止付涉诈银行账户2.1万个，止付资金4.1亿多元，办理资金返还案件416宗，返还资金4300多万元。");
    }

    @Test
    void aDistrictIsNamedInsteadOfTheCity() {
        assertThat(Headline.of(sample("440605"), FOSHAN).text()).startsWith("2022年以来，南海区共处置电诈警情343宗，");
    }

    @Test
    void anUnknownDistrictIsRejected() {
        assertThatThrownBy(() -> Headline.of(sample("440699"), FOSHAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("440699");
    }

    @Test
    void theEnglishSentenceGivesTheSameFiguresCityWide() {
        assertThat(Headline.of(seed(Catalog.CITY), FOSHAN).english()).isEqualTo(
                "From 1 January to 23 October 2022, 17,345 fraud cases were handled city-wide, 21,000 fraud-linked bank accounts were placed under stop-payment, "
                        + "more than CNY 410.35 million in payments was stopped, 416 refund cases were handled and "
                        + "more than CNY 43.12 million was returned to victims.");
    }

    @Test
    void theEnglishSentenceNamesAFoshanDistrictInPinyin() {
        assertThat(Headline.of(sample("440605"), FOSHAN).english())
                .contains("343 fraud cases were handled in Nanhai District,");
    }

    @Test
    void aDistrictWithoutAnEnglishNameFallsBackToItsCode() {
        Catalog other = new Catalog("440100", "广州市", Map.of("440106", "天河区"), null, null);
        assertThat(Headline.of(sample("440106"), other).english()).contains("handled in district 440106,");
        assertThat(Headline.of(sample("440106"), other).text()).contains("，天河区共处置电诈警情");
    }

    @Test
    void theEnglishSentenceAgreesInNumberForSingleFigures() {
        AreaFigures one = figures("2022-10-23", "2022-10-23", Catalog.CITY, 1, 1, "9800.50", 1, "0.00");
        assertThat(Headline.of(one, FOSHAN).english()).isEqualTo(
                "On 23 October 2022, 1 fraud case was handled city-wide, 1 fraud-linked bank account was placed under stop-payment, "
                        + "CNY 9,800.50 in payments was stopped, 1 refund case was handled and "
                        + "CNY 0.00 was returned to victims.");
    }

    @Test
    void englishMoneyIsInMillionsThenBillionsTruncatedToTwoDecimals() {
        assertThat(EnglishFigures.money(new BigDecimal("999999.99"))).isEqualTo("CNY 999,999.99");
        assertThat(EnglishFigures.money(new BigDecimal("1000000.00"))).isEqualTo("CNY 1.00 million");
        // cut, as 多 cuts the Chinese figure, and said to be: 410.17 alone reads as a rounding of 410.179…
        assertThat(EnglishFigures.money(new BigDecimal("8059792.06"))).isEqualTo("more than CNY 8.05 million");
        assertThat(EnglishFigures.money(new BigDecimal("410179127.89"))).isEqualTo("more than CNY 410.17 million");
        assertThat(EnglishFigures.money(new BigDecimal("410350000.00"))).isEqualTo("CNY 410.35 million");
        assertThat(EnglishFigures.money(new BigDecimal("999999999.99"))).isEqualTo("more than CNY 999.99 million");
        assertThat(EnglishFigures.money(new BigDecimal("1234567890.00"))).isEqualTo("more than CNY 1.23 billion");
        assertThat(EnglishFigures.money(new BigDecimal("1230000000.00"))).isEqualTo("CNY 1.23 billion");
        assertThat(EnglishFigures.money(new BigDecimal("1234567890123.45"))).isEqualTo("more than CNY 1,234.56 billion");
    }

    @Test
    void figuresCannotBeChangedThroughTheHeadline() {
        Headline headline = Headline.of(sample(Catalog.CITY), FOSHAN);
        assertThatThrownBy(() -> headline.figures().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
