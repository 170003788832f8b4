package org.fraudstats.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed release's second sentence (press-style.md, "Sentences"): {period}，{area}累计处置预警信息{warnings}，
 * 见面劝阻{dissuaded_visits}。 Every expected sentence below was written by hand from the rules, not from the code.
 */
class PreventionHeadlineTest {

    private static final Catalog FOSHAN = Catalog.foshan();

    /** Handling figures are set too, so that a sentence quoting one of them would show. */
    private static AreaFigures figures(String from, String to, String district, long warnings, long visits) {
        return new AreaFigures(LocalDate.parse(from), LocalDate.parse(to), district,
                17_345, new BigDecimal("17345000.00"), 21_000, new BigDecimal("410352000.00"), 0, new BigDecimal("0.00"),
                416, new BigDecimal("43123456.78"), new BigDecimal("95.0"), warnings, visits);
    }

    private static String sentence(String from, String to, String district, long warnings, long visits) {
        return Headline.of(figures(from, to, district, warnings, visits), FOSHAN, Topic.PREVENTION).text();
    }

    private static String cityYearToDate(long warnings, long visits) {
        return sentence("2022-01-01", "2022-10-23", Catalog.CITY, warnings, visits);
    }

    @Test
    void theSeedTotalsGiveTheSentenceOfTheStyleGuide() {
        assertThat(cityYearToDate(2_202_137, 515_000))
                .isEqualTo("2022年以来，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。");
    }

    @Test
    void justBelowTenThousandIsTheExactCount() {
        assertThat(cityYearToDate(9_999, 9_999)).isEqualTo("2022年以来，全市累计处置预警信息9999条，见面劝阻9999人次。");
    }

    @Test
    void exactlyTenThousandIsOneWanWithoutDuo() {
        assertThat(cityYearToDate(10_000, 10_000)).isEqualTo("2022年以来，全市累计处置预警信息1万条，见面劝阻1万人次。");
    }

    @Test
    void justAboveTenThousandIsOneWanAndMore() {
        assertThat(cityYearToDate(10_001, 10_001)).isEqualTo("2022年以来，全市累计处置预警信息1万多条，见面劝阻1万多人次。");
    }

    @Test
    void aShownFigureEqualToTheExactOneHasNoDuo() {
        assertThat(cityYearToDate(15_000, 15_001)).isEqualTo("2022年以来，全市累计处置预警信息1.5万条，见面劝阻1.5万多人次。");
    }

    @Test
    void justBelowOneHundredMillionStaysInWan() {
        assertThat(cityYearToDate(99_999_999, 99_990_000))
                .isEqualTo("2022年以来，全市累计处置预警信息9999.9万多条，见面劝阻9999万人次。");
    }

    @Test
    void exactlyOneHundredMillionIsOneYiWithoutDuo() {
        assertThat(cityYearToDate(100_000_000, 100_000_000))
                .isEqualTo("2022年以来，全市累计处置预警信息1亿条，见面劝阻1亿人次。");
    }

    @Test
    void justAboveOneHundredMillionIsOneYiAndMore() {
        assertThat(cityYearToDate(100_000_001, 250_000_000))
                .isEqualTo("2022年以来，全市累计处置预警信息1亿多条，见面劝阻2.5亿人次。");
    }

    @Test
    void nothingIsQuotedAsZero() {
        assertThat(cityYearToDate(0, 0)).isEqualTo("2022年以来，全市累计处置预警信息0条，见面劝阻0人次。");
    }

    @Test
    void aDistrictIsNamedInsteadOfTheCity() {
        assertThat(sentence("2022-01-01", "2022-10-24", "440605", 118, 19))
                .isEqualTo("2022年以来，南海区累计处置预警信息118条，见面劝阻19人次。");
    }

    @Test
    void aSingleDayIsNamedByItsDate() {
        assertThat(sentence("2022-10-23", "2022-10-23", Catalog.CITY, 6_031, 1_412))
                .isEqualTo("10月23日，全市累计处置预警信息6031条，见面劝阻1412人次。");
    }

    @Test
    void aPeriodAcrossYearsNamesBothYearsAndATrailingPointZeroIsDroppedBeforeDuo() {
        assertThat(sentence("2021-12-01", "2022-01-31", "440606", 370_512, 86_700))
                .isEqualTo("2021年12月1日至2022年1月31日，顺德区累计处置预警信息37万多条，见面劝阻8.6万多人次。");
    }

    @ParameterizedTest(name = "{0}..{1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "2022-01-01|2022-10-23|2022年以来，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。",
            "2022-10-01|2022-10-23|10月以来，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。",
            "2022-10-23|2022-10-23|10月23日，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。",
            "2022-10-17|2022-10-23|10月17日至23日，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。",
            "2022-03-05|2022-10-23|2022年3月5日至10月23日，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。",
            "2021-12-01|2022-01-31|2021年12月1日至2022年1月31日，全市累计处置预警信息220.2万多条，见面劝阻51.5万人次。"})
    void everyPeriodOfTheTableIsNamedAsInTheHandlingSentence(String from, String to, String expected) {
        AreaFigures f = figures(from, to, Catalog.CITY, 2_202_137, 515_000);
        assertThat(Headline.of(f, FOSHAN, Topic.PREVENTION).text()).isEqualTo(expected);
        assertThat(Headline.of(f, FOSHAN, Topic.HANDLING).period())
                .isEqualTo(Headline.of(f, FOSHAN, Topic.PREVENTION).period());
    }

    @Test
    void figuresAreTheTwoQuotedOnesExactAndInPressFormInSentenceOrder() {
        Headline headline = Headline.of(figures("2022-01-01", "2022-10-23", Catalog.CITY, 2_202_137, 515_000),
                FOSHAN, Topic.PREVENTION);
        Map<String, Headline.Figure> expected = new LinkedHashMap<>();
        expected.put("warnings", new Headline.Figure(2_202_137L, "220.2万多条"));
        expected.put("dissuaded_visits", new Headline.Figure(515_000L, "51.5万人次"));

        assertThat(headline.figures()).containsExactlyEntriesOf(expected);
        assertThat(headline.topic()).isEqualTo(Topic.PREVENTION);
        assertThat(headline.districtCode()).isEqualTo("440600");
    }

    @Test
    void theHandlingSentenceOfTheSameFiguresIsUnchanged() {
        Headline handling = Headline.of(figures("2022-01-01", "2022-10-23", Catalog.CITY, 2_202_137, 515_000), FOSHAN);
        assertThat(handling.topic()).isEqualTo(Topic.HANDLING);
        assertThat(handling.text()).isEqualTo(
                "2022年以来，全市共处置电诈警情1.7万多宗，快速止付涉诈银行账户2.1万个，止付资金4.1亿多元，办理资金返还案件416宗，返还资金4300多万元。");
        assertThat(handling.figures()).containsOnlyKeys("cases", "stop_accounts", "stop_amount", "refund_cases", "refund_amount");
    }

    @Test
    void theEnglishSentenceGivesTheSameFiguresExactly() {
        assertThat(Headline.of(figures("2022-01-01", "2022-10-23", Catalog.CITY, 2_202_137, 515_000), FOSHAN,
                Topic.PREVENTION).english()).isEqualTo("From 1 January to 23 October 2022, 2,202,137 fraud warnings were handled "
                        + "city-wide and 515,000 face-to-face visits dissuaded potential victims.");
        assertThat(Headline.of(figures("2021-12-01", "2022-01-31", "440605", 118, 19), FOSHAN, Topic.PREVENTION).english())
                .isEqualTo("From 1 December 2021 to 31 January 2022, 118 fraud warnings were handled in Nanhai District "
                        + "and 19 face-to-face visits dissuaded potential victims.");
    }

    @Test
    void theEnglishSentenceAgreesInNumberForSingleFigures() {
        assertThat(Headline.of(figures("2022-10-23", "2022-10-23", Catalog.CITY, 1, 1), FOSHAN, Topic.PREVENTION).english())
                .isEqualTo("On 23 October 2022, 1 fraud warning was handled city-wide "
                        + "and 1 face-to-face visit dissuaded a potential victim.");
    }

    @Test
    void theJsonCarriesTheSentenceAndBothFiguresWithoutATopicKey() {
        Headline headline = Headline.of(figures("2022-01-01", "2022-10-23", "440605", 10_001, 10_000), FOSHAN,
                Topic.PREVENTION);
        Map<String, Object> json = headline.json(false);

        assertThat(json.keySet()).containsExactly("period", "district_code", "text", "figures");
        assertThat(json.get("period")).isEqualTo(Map.of("from", "2022-01-01", "to", "2022-10-23", "name", "2022年以来"));
        assertThat(json.get("district_code")).isEqualTo("440605");
        assertThat(json.get("text")).isEqualTo("2022年以来，南海区累计处置预警信息1万多条，见面劝阻1万人次。");
        assertThat(json.get("figures")).isEqualTo(Map.of(
                "warnings", Map.of("value", 10_001L, "press", "1万多条"),
                "dissuaded_visits", Map.of("value", 10_000L, "press", "1万人次")));
        assertThat(headline.json(true).keySet()).containsExactly("period", "district_code", "text", "english", "figures");
    }

    @Test
    void topicsAreNamedAsTheOptionSpellsThem() {
        assertThat(List.of(Topic.values()).stream().map(Topic::key)).containsExactly("handling", "prevention");
        assertThat(Topic.ofKey("prevention")).hasValue(Topic.PREVENTION);
        assertThat(Topic.ofKey("handling")).hasValue(Topic.HANDLING);
        assertThat(Topic.ofKey("Prevention")).isEmpty();
        assertThat(Topic.ofKey("")).isEmpty();
    }
}
