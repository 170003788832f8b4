package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 异常提示 rule on constructed daily rollups (case_day, what the loader keeps): λ = the district's cases over
 * the 28 days before the day ÷ 28, flagged when P(X ≥ cases | λ) < 0.001 and cases ≥ 5. Each test uses its own
 * days, far apart, so the tests share the database in any order.
 */
class UnusualDistrictsTest extends DatabaseTest {

    private static final String CHANCHENG = "440604";
    private static final String NANHAI = "440605";
    private static final String SHUNDE = "440606";
    private static final String SANSHUI = "440607";

    @Autowired
    UnusualDistricts unusual;

    @Test
    void shouldFlagACountJustOverTheThresholdAndNotOneJustUnder() {
        LocalDate day = LocalDate.of(2022, 3, 10);
        for (int back = 1; back <= 28; back++) {
            // λ = 2: 56 cases, one a day of each of two fraud types (the district's figure is their sum)
            cases(day.minusDays(back), CHANCHENG, "OTHER", 1);
            cases(day.minusDays(back), CHANCHENG, "FAKE_LOAN", 1);
            cases(day.minusDays(back), NANHAI, "OTHER", 2);
            // λ = 347 / 28 = 12.39…: 11 days of 13 and 17 days of 12
            cases(day.minusDays(back), SHUNDE, "OTHER", back <= 11 ? 13 : 12);
            cases(day.minusDays(back), SANSHUI, "OTHER", back <= 11 ? 13 : 12);
        }
        cases(day, CHANCHENG, "OTHER", 9);     // P(X ≥ 9 | 2) = 0.000237: flagged
        cases(day, NANHAI, "OTHER", 8);        // P(X ≥ 8 | 2) = 0.001097: just not
        cases(day, SHUNDE, "OTHER", 26);       // P(X ≥ 26 | 12.39) = 0.000492: flagged
        cases(day, SANSHUI, "OTHER", 25);      // P(X ≥ 25 | 12.39) = 0.001063: just not

        List<UnusualDistrict> flagged = unusual.on(day, List.of());

        assertThat(flagged).extracting(UnusualDistrict::districtCode, UnusualDistrict::cases, UnusualDistrict::baselineCases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CHANCHENG, 9L, 56L), org.assertj.core.groups.Tuple.tuple(SHUNDE, 26L, 347L));
        assertThat(flagged.get(0).tailProbability()).isCloseTo(0.0002374473282611617862323, within(1e-15));
        assertThat(flagged.get(1).tailProbability()).isCloseTo(0.0004919029039903399198197, within(1e-15));
        assertThat(flagged.get(1).dailyBaseline()).hasToString("12.4");
        assertThat(flagged.get(1).ratio()).hasValueSatisfying(r -> assertThat(r).hasToString("2.1"));
    }

    @Test
    void shouldNeverFlagFewerThanFiveCasesHoweverImprobable() {
        LocalDate day = LocalDate.of(2022, 5, 10);
        cases(day.minusDays(3), SHUNDE, "OTHER", 1);
        cases(day.minusDays(3), SANSHUI, "OTHER", 1);
        cases(day, CHANCHENG, "OTHER", 4);     // λ = 0, P = 0, but 4 cases: not
        cases(day, NANHAI, "OTHER", 5);        // λ = 0, 5 cases: flagged
        cases(day, SHUNDE, "OTHER", 4);        // λ = 1/28, P = 6.5e-8, but 4 cases: not
        cases(day, SANSHUI, "ROMANCE", 5);     // λ = 1/28, 5 cases: flagged

        assertThat(unusual.on(day, List.of())).extracting(UnusualDistrict::districtCode, UnusualDistrict::cases, UnusualDistrict::baselineCases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NANHAI, 5L, 0L), org.assertj.core.groups.Tuple.tuple(SANSHUI, 5L, 1L));
    }

    @Test
    void shouldCountOnlyTheTwentyEightDaysBeforeTheDayAndOnlyConfiguredDistricts() {
        LocalDate day = LocalDate.of(2022, 7, 10);
        cases(day.minusDays(29), CHANCHENG, "OTHER", 40);   // the day before the window
        cases(day.minusDays(28), NANHAI, "OTHER", 28);      // the window's first day: λ = 1
        cases(day.plusDays(1), CHANCHENG, "OTHER", 40);     // after the day
        cases(day, CHANCHENG, "OTHER", 5);
        cases(day, NANHAI, "OTHER", 6);                     // P(X ≥ 6 | 1) = 0.000594
        cases(day, "440699", "OTHER", 50);                  // not a configured district

        assertThat(unusual.on(day, List.of())).extracting(UnusualDistrict::districtCode, UnusualDistrict::cases, UnusualDistrict::baselineCases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CHANCHENG, 5L, 0L), org.assertj.core.groups.Tuple.tuple(NANHAI, 6L, 28L));
    }

    @Test
    void shouldFindNothingOnAQuietDay() {
        LocalDate day = LocalDate.of(2022, 9, 10);
        for (int back = 1; back <= 28; back++) {
            cases(day.minusDays(back), CHANCHENG, "OTHER", 3);
        }
        cases(day, CHANCHENG, "OTHER", 7);                  // P(X ≥ 7 | 3) = 0.0335
        assertThat(unusual.on(day, List.of())).isEmpty();
    }

    @Test
    void shouldLeaveDaysWhoseDataHasNotArrivedOutOfTheBaseline() {
        LocalDate day = LocalDate.of(2022, 11, 10);
        // 21 days of 2 cases, 7 days with no data: λ = 42 / 21 = 2, not 42 / 28 = 1.5
        List<LocalDate> notArrived = new java.util.ArrayList<>();
        for (int back = 1; back <= 28; back++) {
            if (back <= 7) {
                notArrived.add(day.minusDays(back));
            } else {
                cases(day.minusDays(back), CHANCHENG, "OTHER", 2);
            }
        }
        notArrived.add(day.minusDays(40));                  // outside the window: not counted
        cases(day.minusDays(3), CHANCHENG, "OTHER", 3);     // a later drop's late records of a day not arrived: not counted
        cases(day, CHANCHENG, "OTHER", 8);                  // P(X ≥ 8 | 2) = 0.0011: not; P(X ≥ 8 | 1.5) = 0.00017 would be
        // λ = 45 / 28 = 1.6 when every day counts, the late records too: P(X ≥ 8) = 0.00027, flagged
        assertThat(unusual.on(day, List.of())).extracting(UnusualDistrict::cases, UnusualDistrict::baselineCases, UnusualDistrict::baselineDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8L, 45L, 28));
        assertThat(unusual.on(day, notArrived)).isEmpty();

        cases(day, CHANCHENG, "FAKE_LOAN", 1);              // 9: P(X ≥ 9 | 2) = 0.00024
        List<UnusualDistrict> flagged = unusual.on(day, notArrived);
        assertThat(flagged).extracting(UnusualDistrict::cases, UnusualDistrict::baselineCases, UnusualDistrict::baselineDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9L, 42L, 21));
        assertThat(flagged.get(0).tailProbability()).isCloseTo(0.0002374473282611617862323, within(1e-15));
        assertThat(flagged.get(0).dailyBaseline()).hasToString("2.0");
    }

    @Test
    void shouldRefuseToJudgeByFewerThanAWeek() {
        LocalDate day = LocalDate.of(2022, 12, 10);
        List<LocalDate> notArrived = new java.util.ArrayList<>();
        for (int back = 1; back <= 22; back++) {
            notArrived.add(day.minusDays(back));
        }
        assertThat(UnusualDistricts.arrivedDays(day, notArrived)).isEqualTo(6);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> unusual.on(day, notArrived)).isInstanceOf(IllegalArgumentException.class);
        assertThat(unusual.on(day, notArrived.subList(0, 21))).isEmpty();
    }

    private void cases(LocalDate day, String district, String fraudType, long cases) {
        jdbc.update("INSERT INTO case_day (business_day, district_code, fraud_type, cases, loss_amount) VALUES (?, ?, ?, ?, 0)",
                day, district, fraudType, cases);
    }
}
