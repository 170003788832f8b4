package org.fraudstats.bulletin.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FraudTypeRankingTest {

    @Test
    void shouldGiveTiedTypesTheSameRankAndSkipTheNext() {
        List<FraudTypeRanking.Ranked> byCases = FraudTypeRanking.byCases(SampleBulletins.fraudTypes());
        assertThat(byCases).extracting(r -> r.type().code() + "=" + r.rank()).startsWith(
                "ORDER_BRUSHING=1", "FAKE_INVESTMENT=2", "FAKE_LOAN=3", "FAKE_CUSTOMER_SERVICE=4",
                "IMPERSONATE_AUTHORITY=5", "FAKE_CREDIT=5", "FAKE_SHOPPING=7");
    }

    @Test
    void shouldRankByLossIndependentlyOfCases() {
        List<FraudTypeRanking.Ranked> byLoss = FraudTypeRanking.byLoss(SampleBulletins.fraudTypes());
        assertThat(byLoss).extracting(r -> r.type().code()).startsWith("FAKE_INVESTMENT", "ORDER_BRUSHING", "ROMANCE");
        assertThat(byLoss).extracting(FraudTypeRanking.Ranked::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }
}
