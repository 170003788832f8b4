package org.fraudstats.bulletin.data;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.catalog.Catalog;

/**
 * The red block that makes a page an official 通报: who issues it, what kind of document it is, the period it
 * covers, its issue number (a daily's; empty for a range bulletin, which numbers none) and the day it was issued
 * (in Beijing); and the span of days alone, for the title.
 */
public record Masthead(String organisation, String documentName, String period, String issue, String issuedOn, String span) {

    /**
     * The document's name, its days and its issue, as the files' titles read: 电信网络诈骗警情日报 2022年10月24日（第297期）.
     * A phone's PDF viewer shows the title, not the file's name: every 月报 was titled the same (accessibility tester).
     */
    public String title() {
        return documentName + " " + span + (issue.isEmpty() ? "" : "（" + issue + "）");
    }

    /** The name and issue alone, above a sheet whose next line says the period: 电信网络诈骗警情日报 第297期. */
    public String heading() {
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
                Formats.day(data.provenance().generatedAt().toLocalDate()),
                Formats.period(data.from(), data.to()));
    }
}
