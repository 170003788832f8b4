package org.fraudstats.bulletin.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.bulletin.look.Formats;

/**
 * The red block that makes a page an official 通报: who issues it, what kind of document it is, the period it
 * covers, its issue number and the day it was issued (in Beijing).
 */
public record Masthead(String organisation, String documentName, String period, String issue, String issuedOn) {

    public static Masthead of(BulletinData data, Catalog catalog) {
        String period = (data.kind() == BulletinData.Kind.DAILY ? "统计日期：" : "统计时段：")
                + Formats.period(data.from(), data.to());
        return new Masthead(
                catalog.cityName() + "反诈骗中心",
                documentName(data),
                period,
                "第" + data.issue() + "期",
                Formats.day(data.provenance().generatedAt().toLocalDate()));
    }

    public static String documentName(BulletinData data) {
        if (data.kind() == BulletinData.Kind.DAILY) {
            return "电信网络诈骗警情日报";
        }
        return "电信网络诈骗警情通报（" + rangeName(data.from(), data.to()) + "）";
    }

    private static String rangeName(LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) == 6) {
            return "周报";
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
            return "月报";
        }
        return "区间";
    }
}
