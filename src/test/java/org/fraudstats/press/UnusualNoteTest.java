package org.fraudstats.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.UnusualDistrict;
import org.junit.jupiter.api.Test;

/** The wording of 异常提示 (README, 统计口径): the figure, the baseline and the multiple, or the plain facts. */
class UnusualNoteTest {

    private static final Catalog FOSHAN = Catalog.foshan();
    private static final LocalDate DAY = LocalDate.of(2022, 10, 24);

    @Test
    void shouldGiveTheFigureItsBaselineAndTheMultipleOfTheExactBaseline() {
        // 347 / 28 = 12.39… → 12.4; 31 × 28 / 347 = 2.50… → 2.5
        assertThat(UnusualNote.text(List.of(district("440604", 31, 347)), FOSHAN))
                .isEqualTo("禅城区警情31宗，为近28日日均12.4宗的2.5倍。");
        // both round half up: 21 / 28 = 0.75 → 0.8; 5 × 28 / 21 = 6.67 → 6.7
        assertThat(UnusualNote.text(List.of(district("440605", 5, 21)), FOSHAN))
                .isEqualTo("南海区警情5宗，为近28日日均0.8宗的6.7倍。");
        // the multiple is of the exact mean, not of the printed one: 5 × 28 / 16 = 8.75 → 8.8 (5 / 0.6 would be 8.3)
        assertThat(UnusualNote.text(List.of(district("440606", 5, 16)), FOSHAN))
                .isEqualTo("顺德区警情5宗，为近28日日均0.6宗的8.8倍。");
    }

    @Test
    void shouldSayThePlainFactsWhenTheBaselineIsNothingOrRoundsToNothing() {
        assertThat(UnusualNote.text(List.of(district("440607", 6, 0)), FOSHAN)).isEqualTo("三水区警情6宗，近28日无警情。");
        // 1 / 28 = 0.036 would print as 日均0.0宗 and 140倍
        assertThat(UnusualNote.text(List.of(district("440608", 5, 1)), FOSHAN)).isEqualTo("高明区警情5宗，近28日仅1宗。");
        // 2 / 28 = 0.071 rounds to 0.1: the usual sentence, multiple of the exact λ (5 × 28 / 2 = 70)
        assertThat(UnusualNote.text(List.of(district("440608", 5, 2)), FOSHAN)).isEqualTo("高明区警情5宗，为近28日日均0.1宗的70.0倍。");
    }

    @Test
    void shouldSayOverHowManyDaysTheMeanIsWhenSomeDaysDataHasNotArrived() {
        // 42 cases over the 21 of the 28 days that have data: 2.0 a day; 9 × 21 / 42 = 4.5
        assertThat(UnusualNote.text(List.of(new UnusualDistrict("440604", DAY, 9, 42, 21, 0.0)), FOSHAN))
                .isEqualTo("禅城区警情9宗，为近28日中有数据的21日日均2.0宗的4.5倍。");
        assertThat(UnusualNote.text(List.of(new UnusualDistrict("440607", DAY, 6, 0, 27, 0.0)), FOSHAN))
                .isEqualTo("三水区警情6宗，近28日中有数据的27日无警情。");
        assertThat(UnusualNote.baselineTooShort(0)).isEqualTo("近28日无数据，未作判断。");
        assertThat(UnusualNote.baselineTooShort(6)).isEqualTo("近28日中有数据的仅6日，未作判断。");
    }

    @Test
    void shouldSayOneSentencePerDistrictInCatalogueOrderOrNothingUnusual() {
        assertThat(UnusualNote.text(List.of(district("440604", 31, 347), district("440607", 6, 0)), FOSHAN))
                .isEqualTo("禅城区警情31宗，为近28日日均12.4宗的2.5倍。三水区警情6宗，近28日无警情。");
        assertThat(UnusualNote.text(List.of(), FOSHAN)).isEqualTo("无异常。");
    }

    private static UnusualDistrict district(String code, long cases, long baseline) {
        return new UnusualDistrict(code, DAY, cases, baseline, 28, 0.0);
    }
}
