package org.fraudstats.bulletin.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fraud types ranked twice, by cases and by loss, as 通报 list them. Equal figures share a rank (1, 2, 2, 4)
 * so that no type appears ahead of another it ties with; ties are listed by code to keep the order stable.
 */
public final class FraudTypeRanking {

    public record Ranked(int rank, FraudTypeRow type) {
    }

    private static final Comparator<FraudTypeRow> BY_CASES = Comparator.comparingLong(FraudTypeRow::cases).reversed();
    private static final Comparator<FraudTypeRow> BY_LOSS = Comparator.comparing(FraudTypeRow::lossAmount).reversed();

    private FraudTypeRanking() {
    }

    public static List<Ranked> byCases(List<FraudTypeRow> types) {
        return rank(types, BY_CASES, BY_LOSS);
    }

    public static List<Ranked> byLoss(List<FraudTypeRow> types) {
        return rank(types, BY_LOSS, BY_CASES);
    }

    private static List<Ranked> rank(List<FraudTypeRow> types, Comparator<FraudTypeRow> key, Comparator<FraudTypeRow> then) {
        List<FraudTypeRow> sorted = types.stream()
                .sorted(key.thenComparing(then).thenComparing(FraudTypeRow::code))
                .toList();
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && key.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return ranked;
    }
}
