package org.fraudstats.press;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;

/**
 * One press sentence of one area over one period (press-style.md, "Sentences"): the handling sentence or the
 * prevention one, by {@link Topic}, with every figure it quotes kept both exact and in press form, so the
 * `headline` command, and later the portal and the mail, can print the sentence and show how each figure was
 * derived (cli.md).
 *
 * <p>{@link #figures()} holds exactly the figures the sentence quotes, in sentence order: the JSON of cli.md is
 * meant to let a reader check the sentence, and a figure the sentence does not quote would not help with that.
 *
 * @param topic        which sentence this is
 * @param period       the period and its Chinese name
 * @param districtCode the area: a district code, or the catalogue's city code
 * @param text         the Chinese sentence, exactly as press-style.md spells it
 * @param figures      metric key → exact value and press form, in sentence order
 * @param english      the same figures in English, exact counts, money exact to the cent below CNY 1 million
 */
public record Headline(Topic topic, Period period, String districtCode, String text, Map<String, Figure> figures,
                       String english) {

    /** The handling sentence, the one bulletins print as their summary. */
    public static Headline of(AreaFigures figures, Catalog catalog) {
        return of(figures, catalog, Topic.HANDLING);
    }

    /**
     * The sentence of {@code topic} for the area and period of {@code figures}, which must come from
     * {@code metrics/Figures} like every other printed figure. The area's code must be the catalogue's city or
     * one of its districts; anything else is a usage error.
     */
    public static Headline of(AreaFigures figures, Catalog catalog, Topic topic) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(topic, "topic");
        String code = figures.districtCode();
        if (!catalog.isArea(code)) {
            throw new IllegalArgumentException("unknown district: " + code);
        }
        boolean city = catalog.cityCode().equals(code);
        String area = city ? "全市" : catalog.areaName(code).orElseThrow();
        String where = city ? "city-wide" : "in " + EnglishFigures.districtName(code, catalog);
        Period period = new Period(figures.from(), figures.to(), PeriodName.of(figures.from(), figures.to()));

        Map<String, Figure> quoted = new LinkedHashMap<>();
        String text;
        String english;
        switch (topic) {
            case HANDLING -> {
                quoted.put(Metric.CASES.key(), Figure.count(figures.cases(), "宗"));
                quoted.put(Metric.STOP_ACCOUNTS.key(), Figure.count(figures.stopAccounts(), "个"));
                quoted.put(Metric.STOP_AMOUNT.key(), Figure.money(figures.stopAmount()));
                quoted.put(Metric.REFUND_CASES.key(), Figure.count(figures.refundCases(), "宗"));
                quoted.put(Metric.REFUND_AMOUNT.key(), Figure.money(figures.refundAmount()));
                text = period.name() + "，" + area
                        + "共处置电诈警情" + press(quoted, Metric.CASES)
                        + "，快速止付涉诈银行账户" + press(quoted, Metric.STOP_ACCOUNTS)
                        + "，止付资金" + press(quoted, Metric.STOP_AMOUNT)
                        + "，办理资金返还案件" + press(quoted, Metric.REFUND_CASES)
                        + "，返还资金" + press(quoted, Metric.REFUND_AMOUNT)
                        + "。";
                english = EnglishFigures.handling(figures, where);
            }
            case PREVENTION -> {
                quoted.put(Metric.WARNINGS.key(), Figure.count(figures.warnings(), "条"));
                quoted.put(Metric.DISSUADED_VISITS.key(), Figure.count(figures.dissuadedVisits(), "人次"));
                text = period.name() + "，" + area
                        + "累计处置预警信息" + press(quoted, Metric.WARNINGS)
                        + "，见面劝阻" + press(quoted, Metric.DISSUADED_VISITS)
                        + "。";
                english = EnglishFigures.prevention(figures, where);
            }
            default -> throw new IllegalStateException("no sentence for " + topic);
        }
        return new Headline(topic, period, code, text, quoted, english);
    }

    public Headline {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /**
     * The sentence saying which days of its period have not all their data (数据未到), when it holds any:
     * "2024年以来（3月2日数据未到，数字不全），全市共处置…". A bulletin holding such a day quoted its partial figures as the
     * release sentence, which the headline API refuses to give over the same period (review 31b). Not "不含3月2日的数据":
     * the day's records that came in other drops are counted (tester 31c).
     *
     * @param notArrived days whose data has not arrived, of any period: those outside this sentence's are left aside
     */
    public String textNamingDaysNotArrived(java.util.Collection<LocalDate> notArrived) {
        List<LocalDate> left = notArrived.stream().filter(d -> !d.isBefore(period.from()) && !d.isAfter(period.to()))
                .distinct().sorted().toList();
        if (left.isEmpty()) {
            return text;
        }
        String days = left.size() > 2 ? monthDay(left.get(0)) + "等" + left.size() + "天"
                : left.stream().map(Headline::monthDay).collect(java.util.stream.Collectors.joining("、"));
        return period.name() + "（" + days + "数据未到，数字不全）" + text.substring(period.name().length());
    }

    private static String monthDay(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /**
     * The JSON object of cli.md's `headline --format json`, as ordered maps of strings, numbers and maps, so that
     * every surface that must print "exactly what the command prints" (web.md's {@code /api/v1/headlines}) writes
     * the same keys in the same order. The topic is not a key: cli.md's object has none, and the default output
     * must stay as it was; the figure keys tell the two sentences apart.
     *
     * @param withEnglish adds {@code "english"} before the figures, as {@code --lang en} does
     */
    public Map<String, Object> json(boolean withEnglish) {
        Map<String, Object> periodJson = new LinkedHashMap<>();
        periodJson.put("from", period.from().toString());
        periodJson.put("to", period.to().toString());
        periodJson.put("name", period.name());
        Map<String, Object> figuresJson = new LinkedHashMap<>();
        figures.forEach((key, figure) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("value", figure.value());
            f.put("press", figure.press());
            figuresJson.put(key, f);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", periodJson);
        json.put("district_code", districtCode);
        json.put("text", text);
        if (withEnglish) {
            json.put("english", english);
        }
        json.put("figures", figuresJson);
        return json;
    }

    private static String press(Map<String, Figure> quoted, Metric metric) {
        return quoted.get(metric.key()).press();
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
