package org.fraudstats.press;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;

/**
 * The English rendering of a headline, for foreign press and the center's English page.
 *
 * <p>Money is CNY with thousands separators: below 1 million to the cent ({@code CNY 9,800.50}); from 1 million in
 * millions and from 1 billion in billions, truncated to two decimals ({@code CNY 410.35 million}), always two
 * decimals so figures line up, and "more than" before it when the truncation dropped something, as 多 marks it in
 * the Chinese sentence: 410,179,127.89 read "CNY 410.17 million", which a reader takes for a rounding of what rounds
 * to 410.18 (tester). Counts are exact with separators ({@code 17,345}).
 *
 * <p>The prevention sentence says "face-to-face visits dissuaded potential victims" rather than "people were
 * dissuaded": 见面劝阻 counts 人次, one per successful visit, and the same person visited twice counts twice.
 */
final class EnglishFigures {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private EnglishFigures() {
    }

    static String handling(AreaFigures f, String where) {
        return PeriodName.ofEnglish(f.from(), f.to()) + ", "
                + count(f.cases(), "fraud case", "fraud cases") + " handled " + where + ", "
                // accounts are not stopped, payments out of them are (tester: "20,677 bank accounts were stopped")
                + count(f.stopAccounts(), "fraud-linked bank account", "fraud-linked bank accounts") + " placed under stop-payment, "
                + money(f.stopAmount()) + " in payments was stopped, "
                + count(f.refundCases(), "refund case", "refund cases") + " handled and "
                + money(f.refundAmount()) + " was returned to victims.";
    }

    /** "From 1 January to 23 October 2022, 2,202,137 fraud warnings were handled city-wide and 515,000 face-to-face visits…" */
    static String prevention(AreaFigures f, String where) {
        long visits = f.dissuadedVisits();
        return PeriodName.ofEnglish(f.from(), f.to()) + ", "
                + count(f.warnings(), "fraud warning", "fraud warnings") + " handled " + where + " and "
                + String.format(Locale.ENGLISH, "%,d", visits)
                + (visits == 1 ? " face-to-face visit dissuaded a potential victim." : " face-to-face visits dissuaded potential victims.");
    }

    /** "Nanhai District" when the catalogue has an English name, "district 440699" otherwise. */
    static String districtName(String code, Catalog catalog) {
        return catalog.englishName(code).orElse("district " + code);
    }

    /** The counted noun with its verb, so that one case "was handled" and two "were handled". */
    static String count(long n, String singular, String plural) {
        return String.format(Locale.ENGLISH, "%,d", n) + (n == 1 ? " " + singular + " was" : " " + plural + " were");
    }

    static String money(BigDecimal yuan) {
        if (yuan.compareTo(BILLION) >= 0) {
            return inUnits(yuan, BILLION, " billion");
        }
        if (yuan.compareTo(MILLION) >= 0) {
            return inUnits(yuan, MILLION, " million");
        }
        return "CNY " + twoDecimals(yuan.setScale(2, RoundingMode.DOWN));
    }

    private static String inUnits(BigDecimal yuan, BigDecimal unit, String name) {
        BigDecimal shown = yuan.divide(unit).setScale(2, RoundingMode.DOWN);
        return (shown.multiply(unit).compareTo(yuan) < 0 ? "more than " : "") + "CNY " + twoDecimals(shown) + name;
    }

    private static String twoDecimals(BigDecimal amount) {
        return String.format(Locale.ENGLISH, "%,.2f", amount);
    }
}
