package org.fraudstats.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.bulletin.KeyFigures;
import org.fraudstats.bulletin.PublishedFigures;
import org.fraudstats.bulletin.RevisionChanges;
import org.fraudstats.catalog.Catalog;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The subject and the body of a bulletin's mail (delivery.md), in Chinese: the period and 数据截至, a daily's
 * 异常提示 (the bulletin's own first lines), the city's headline figures with 同比 and 环比, both press sentences of
 * the year to date, what a revision changed, and the link to the bulletin's portal page. Every figure is the one
 * the attached revision printed (its snapshot, {@link PublishedFigures}), not computed again when the mail goes
 * out: a mail retried for hours or sent again with --resend must not carry figures of records loaded since, which
 * belong to the next revision. Only figures and catalogue names go in: no account number can.
 */
@Component
class BulletinMails {

    /** The subject and both alternatives of one mail. */
    record Content(String subject, String text, String html) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");

    private final KeyFigures keyFigures;
    private final Catalog catalog;
    private final String portal;

    BulletinMails(KeyFigures keyFigures, Catalog catalog, Environment environment) {
        this.keyFigures = keyFigures;
        this.catalog = catalog;
        this.portal = environment.getProperty("fraudstats.portal-url", "http://localhost:8080").replaceAll("/+$", "");
    }

    static String subject(String product, LocalDate from, LocalDate to, int revision) {
        String name = switch (product) {
            case "weekly" -> "周报";
            case "monthly" -> "月报";
            default -> "日报";
        };
        String tag = "【反诈" + name + (revision > 1 ? "·更正" : "") + "】";
        if ("daily".equals(product)) {
            return tag + DAY.format(from) + "（第" + from.getDayOfYear() + "期" + (revision > 1 ? "，第" + revision + "版" : "") + "）";
        }
        return tag + period(from, to) + (revision > 1 ? "（第" + revision + "版）" : "");
    }

    /**
     * @param published the figures the revision printed
     * @param lastReceived the latest earlier revision of the bulletin the recipient was mailed, or null for none
     * @param attached  the names of the files attached, or empty when they were over the cap and the link stands in
     */
    Content compose(String product, LocalDate from, LocalDate to, int revision, PublishedFigures published, List<String> changes,
                    Integer lastReceived, List<String> attached, boolean overCap, String capMegabytes) {
        List<String> lines = new ArrayList<>();
        lines.add((revision > 1 ? "更正（第" + revision + "版）：" : "") + catalog.cityName() + "电信网络诈骗警情" + productName(product)
                + "，统计" + ("daily".equals(product) ? "日期：" : "时段：") + period(from, to) + "。");
        lines.add("数据截至：" + DAY.format(to) + "24时（北京时间）。");
        // the day's data had not arrived: the figures below are partial, which the reader must know before any
        published.missingNote().ifPresent(lines::add);
        lines.add("");
        // a mail without the revision's figures is not sent: the attempt fails, is retried and, in the end, listed as failed
        lines.addAll(keyFigures.of("daily".equals(product), from, to, published)
                .orElseThrow(() -> new IllegalStateException("revision " + revision + " of the " + product + " bulletin "
                        + MailedBulletin.layoutPeriod(product, from, to) + " keeps none of the city's figures its mail says"))
                .lines());
        if (revision > 1) {
            lines.add("");
            // a reader who never got the earlier revision by mail (published by a rerun, or a list joined since) read
            // changes from figures never sent to them (tester)
            List<String> figures = RevisionChanges.figures(changes);
            // a revision whose only line is its reason (its figures the same, a base's 数据未到 ended) lists no
            // figures under a heading that promised some (review)
            if (!figures.isEmpty()) {
                // nor one whose revision between went unsent (superseded while the relay was down: tester api29)
                lines.add(lastReceived == null ? "本版更正了以下数字（相对于第" + (revision - 1) + "版；此前各版未曾邮件发送给您，可在门户页面查看）："
                        : lastReceived == revision - 1 ? "本版更正了以下数字："
                        : "本版更正了以下数字（相对于第" + (revision - 1) + "版；您邮件收到的最近一版是第" + lastReceived
                                + "版，其后各版可在门户页面查看）：");
                figures.forEach(c -> lines.add("- " + c));
            }
            RevisionChanges.reason(changes).ifPresent(lines::add);
        }
        lines.add("");
        // the portal names a daily by its day and every other kind by its whole period (BulletinPages)
        String link = portal + "/bulletins/" + MailedBulletin.layoutPeriod(product, from, to) + "/" + product + "?revision=" + revision;
        if (overCap) {
            lines.add("附件合计超过" + capMegabytes + "MB，未随邮件发送，请在门户下载：" + link);
        } else {
            if (!attached.isEmpty()) {
                lines.add("附件：" + String.join("，", attached));
            }
            lines.add("门户页面：" + link);
        }
        // as the bulletin attached says it: a mail is forwarded more easily than a file (r43a)
        lines.add(org.fraudstats.bulletin.Marking.TEXT);
        String text = String.join("\n", lines) + "\n";
        String subject = subject(product, from, to, revision);
        return new Content(subject, text, html(subject, lines, link));
    }

    /**
     * The lines as paragraphs, those beginning "- " as a list, the portal's address a link a reader can tap (on a
     * phone it was text to copy); in Chinese, titled by the subject, for a screen reader's voice and a phone's width.
     */
    private static String html(String subject, List<String> lines, String link) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(subject)
                + "</title></head><body>");
        String escapedLink = escape(link);
        boolean inList = false;
        for (String line : lines) {
            boolean item = line.startsWith("- ");
            if (item != inList) {
                html.append(item ? "<ul>" : "</ul>");
                inList = item;
            }
            String escaped = escape(item ? line.substring(2) : line).replace(escapedLink,
                    "<a href=\"" + escapedLink + "\">" + escapedLink + "</a>");
            html.append(line.isEmpty() ? "" : item ? "<li>" + escaped + "</li>" : "<p>" + escaped + "</p>");
        }
        return html.append(inList ? "</ul>" : "").append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** 日报, 周报 or 月报: the subject's, the body's and the runs page's word for a product. */
    static String productName(String product) {
        return switch (product) {
            case "weekly" -> "周报";
            case "monthly" -> "月报";
            default -> "日报";
        };
    }

    static String period(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return DAY.format(from);
        }
        return DAY.format(from) + "至" + (from.getYear() == to.getYear() ? MONTH_DAY.format(to) : DAY.format(to));
    }
}
