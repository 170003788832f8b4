package org.fraudstats.bulletin.data;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.catalog.Catalog;

/**
 * The red block that makes a page an official 通报: who issues it, what kind of document it is, the period it
 * covers, its issue number (a daily's; empty for a range bulletin, which numbers none) and the day it was issued
 * (in Beijing).
 */
public record Masthead(String organisation, String documentName, String period, String issue, String issuedOn) {

    /** The document's name and its issue, as the files' titles read: 电信网络诈骗警情日报 第297期, or the name alone. */
    public String title() {
        return issue.isEmpty() ? documentName : documentName + " " + issue;
    }

    public static Masthead of(BulletinData data, Catalog catalog) {
        String period = (data.kind() == BulletinKind.DAILY ? "统计日期：" : "统计时段：")
                + Formats.period(data.from(), data.to());
        return new Masthead(
                catalog.centreName(),
                data.kind().documentName(),
                period,
                data.issue() > 0 ? "第" + data.issue() + "期" : "",
                Formats.day(data.provenance().generatedAt().toLocalDate()));
    }
}
