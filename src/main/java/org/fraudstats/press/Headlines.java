package org.fraudstats.press;

import java.time.LocalDate;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.Figures;
import org.fraudstats.metrics.MetricsListing;
import org.springframework.stereotype.Service;

/**
 * The headline of an area over a period, as `headline` and the portal's {@code /api/v1/headlines} both print it:
 * one way from the figures to the sentence, so the command and the API cannot quote different numbers.
 */
@Service
public class Headlines {

    private final Figures figures;
    private final Catalog catalog;
    private final org.fraudstats.metrics.RollupCheck rollupCheck;

    Headlines(Figures figures, Catalog catalog, org.fraudstats.metrics.RollupCheck rollupCheck) {
        this.figures = figures;
        this.catalog = catalog;
        this.rollupCheck = rollupCheck;
    }

    /**
     * @param area a district code or the city's, which the caller has checked ({@link Catalog#isArea})
     * @throws org.fraudstats.metrics.RollupCheck.OutsizedAmounts when the period holds an amount most likely an account
     *         number, which the sentence and its JSON would quote as money (review 31d)
     */
    public Headline of(LocalDate from, LocalDate to, String area, Topic topic) {
        rollupCheck.requireNoOutsizedAmounts(from, to, "no sentence was made");
        return Headline.of(figures.range(from, to).stream().filter(f -> f.districtCode().equals(area)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown district: " + area)), catalog, topic);
    }

    /** `headline --format json` ({@link Headline#json}), written in the metrics listing's JSON style. */
    public static String json(Map<String, Object> headlineJson) {
        return MetricsListing.JSON.writeValueAsString(headlineJson) + "\n";
    }
}
