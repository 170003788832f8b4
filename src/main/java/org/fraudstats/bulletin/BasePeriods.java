package org.fraudstats.bulletin;

import java.time.LocalDate;

import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.metrics.Comparison;

/**
 * What a bulletin's changes compare with, said once for the PDF and the workbook (under the table) and the mail and the
 * bulletin's page (under the figures): a leader reading 月报 环比-2.6% against October's own 月报 found -5.1%, since the
 * base is the 30 days before November (metrics.md); the mail said so and the PDF did not (review).
 */
public final class BasePeriods {

    private BasePeriods() {
    }

    /** "同比基期：2021年11月1日至11月30日；环比基期：2022年10月2日至10月31日（与本期同样天数，不是上一个自然月）". */
    public static String said(LocalDate from, LocalDate to) {
        LocalDate popFrom = Comparison.POP.baseFrom(from, to);
        LocalDate popTo = Comparison.POP.baseTo(from, to);
        boolean notLastMonth = BulletinKind.ofRange(from, to) == BulletinKind.MONTHLY && !popFrom.equals(from.minusMonths(1));
        return "同比基期：" + Formats.period(Comparison.YOY.baseFrom(from, to), Comparison.YOY.baseTo(from, to))
                + "；环比基期：" + Formats.period(popFrom, popTo) + (notLastMonth ? "（与本期同样天数，不是上一个自然月）" : "");
    }
}
