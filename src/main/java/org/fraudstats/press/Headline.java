package org.fraudstats.press;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;

/**
 * The press sentence of one area over one period (press-style.md, "Sentences"), with every figure it quotes kept
 * both exact and in press form, so the `headline` command can print the sentence and show how each figure was
 * derived (cli.md).
 *
 * <p>{@link #figures()} holds exactly the five figures the sentence quotes, in sentence order: the JSON of cli.md
 * is meant to let a reader check the sentence, and a figure the sentence does not quote would not help with that.
 *
 * @param period       the period and its Chinese name
 * @param districtCode the area: a district code, or the catalogue's city code
 * @param text         the Chinese sentence, exactly as press-style.md spells it
 * @param figures      metric key → exact value and press form, in sentence order
 * @param english      the same figures in English, exact to the cent below CNY 1 million
 */
public record Headline(Period period, String districtCode, String text, Map<String, Figure> figures, String english) {

    /** The area's code must be the catalogue's city or one of its districts; anything else is a usage error. */
    public static Headline of(AreaFigures figures, Catalog catalog) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(catalog, "catalog");
        String code = figures.districtCode();
        if (!catalog.isArea(code)) {
            throw new IllegalArgumentException("unknown district: " + code);
        }
        boolean city = catalog.cityCode().equals(code);
        String area = city ? "全市" : catalog.areaName(code).orElseThrow();

        Map<String, Figure> quoted = new LinkedHashMap<>();
        quoted.put(Metric.CASES.key(), Figure.count(figures.cases(), "宗"));
        quoted.put(Metric.STOP_ACCOUNTS.key(), Figure.count(figures.stopAccounts(), "个"));
        quoted.put(Metric.STOP_AMOUNT.key(), Figure.money(figures.stopAmount()));
        quoted.put(Metric.REFUND_CASES.key(), Figure.count(figures.refundCases(), "宗"));
        quoted.put(Metric.REFUND_AMOUNT.key(), Figure.money(figures.refundAmount()));

        Period period = new Period(figures.from(), figures.to(), PeriodName.of(figures.from(), figures.to()));
        String text = period.name() + "，" + area
                + "共处置电诈警情" + quoted.get(Metric.CASES.key()).press()
                + "，快速止付涉诈银行账户" + quoted.get(Metric.STOP_ACCOUNTS.key()).press()
                + "，止付资金" + quoted.get(Metric.STOP_AMOUNT.key()).press()
                + "，办理资金返还案件" + quoted.get(Metric.REFUND_CASES.key()).press()
                + "，返还资金" + quoted.get(Metric.REFUND_AMOUNT.key()).press()
                + "。";
        String where = city ? "city-wide" : "in " + EnglishFigures.districtName(code, area);
        return new Headline(period, code, text, quoted, EnglishFigures.sentence(figures, where));
    }

    public Headline {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** [from, to], both inclusive, and the name releases give it ({@code 2022年以来}). */
    public record Period(LocalDate from, LocalDate to, String name) {
    }

    /**
     * One quoted figure. {@code value} is exact and typed for JSON as cli.md wants it: a {@link Long} for counts,
     * a {@link String} with exactly two decimals for money ({@code "8059792.06"}). {@code press} carries its
     * counting word or {@code 元}.
     */
    public record Figure(Object value, String press) {

        public Figure {
            if (!(value instanceof Long) && !(value instanceof String)) {
                throw new IllegalArgumentException("a figure's value is a Long count or a String amount: " + value);
            }
            Objects.requireNonNull(press, "press");
        }

        static Figure count(long n, String countingWord) {
            return new Figure(n, PressNumbers.count(n, countingWord));
        }

        /** Money with more than two decimals would be a bug in metrics, so it fails rather than being rounded. */
        static Figure money(BigDecimal yuan) {
            Objects.requireNonNull(yuan, "money figure");
            return new Figure(yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), PressNumbers.money(yuan));
        }
    }
}
