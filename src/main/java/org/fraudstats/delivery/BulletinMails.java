package org.fraudstats.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.bulletin.PublishedFigures;
import org.fraudstats.bulletin.RevisionChanges;
import org.fraudstats.bulletin.UnusualNotes;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Change;
import org.fraudstats.metrics.Metric;
import org.fraudstats.metrics.Printed;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Topic;
import org.fraudstats.press.UnusualNote;
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

    private final UnusualNotes unusual;
    private final Catalog catalog;
    private final String portal;

    BulletinMails(UnusualNotes unusual, Catalog catalog, Environment environment) {
        this.unusual = unusual;
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
     * @param earlierReceived whether the recipient was mailed an earlier revision of the bulletin
     * @param attached  the names of the files attached, or empty when they were over the cap and the link stands in
     */
    Content compose(String product, LocalDate from, LocalDate to, int revision, PublishedFigures published, List<String> changes,
                    boolean earlierReceived, List<String> attached, boolean overCap, String capMegabytes) {
        List<String> lines = new ArrayList<>();
        lines.add((revision > 1 ? "更正（第" + revision + "版）：" : "") + catalog.cityName() + "电信网络诈骗警情" + productName(product)
                + "，统计" + ("daily".equals(product) ? "日期：" : "时段：") + period(from, to) + "。");
        lines.add("数据截至：" + DAY.format(to) + "24时（北京时间）。");
        // the day's data had not arrived: the figures below are partial, which the reader must know before any
        published.missingNote().ifPresent(lines::add);
        lines.add("");
        if ("daily".equals(product)) {
            // leadership reads the first lines only: what is unusual comes before every figure, as in the bulletin
            // kept with the revision since it was; a revision published before that says it as computed now
            lines.add(UnusualNote.HEADING + "：" + published.unusualNote().orElseGet(() -> published.missingNote().isPresent()
                    ? UnusualNote.NOT_JUDGED : unusual.of(from)));
            lines.add("");
        }
        // as the bulletin: a change against a missing day's zeros would read as a fall, one against a base short of a
        // day as a rise (DistrictTable.Row)
        boolean compared = published.missingNote().isEmpty();
        Changes said = new Changes(compared, published.gaps());
        lines.add(compared ? "全市主要数字（同比 / 环比）：" : "全市主要数字：");
        String cityCode = catalog.cityCode();
        AreaFigures city = printed(published.period(cityCode, from, to), "the city's figures", product, from, to, revision);
        AreaFigures yoy = printed(published.yearOnYearBase(cityCode), "the city's 同比 base", product, from, to, revision);
        AreaFigures pop = printed(published.periodOnPeriodBase(cityCode), "the city's 环比 base", product, from, to, revision);
        lines.add("- 电诈警情 " + Printed.count(city.cases()) + "宗（" + said.of(city, yoy, pop, Metric.CASES) + "）");
        lines.add("- 止付涉诈账户 " + Printed.count(city.stopAccounts()) + "个（" + said.of(city, yoy, pop, Metric.STOP_ACCOUNTS) + "）");
        lines.add("- 止付金额 " + Printed.money(city.stopAmount()) + "元（" + said.of(city, yoy, pop, Metric.STOP_AMOUNT) + "）");
        lines.add("- 资金返还 " + Printed.count(city.refundCases()) + "宗（" + said.of(city, yoy, pop, Metric.REFUND_CASES) + "），"
                + Printed.money(city.refundAmount()) + "元（" + said.of(city, yoy, pop, Metric.REFUND_AMOUNT) + "）");
        said.gapsSaid().ifPresent(lines::add);
        lines.add("");
        AreaFigures yearToDate = printed(published.cityYearToDate(cityCode, to), "the city's year to date", product, from, to, revision);
        lines.add(Headline.of(yearToDate, catalog, Topic.HANDLING).text());
        lines.add(Headline.of(yearToDate, catalog, Topic.PREVENTION).text());
        if (revision > 1) {
            lines.add("");
            // a reader who never got the earlier revision by mail (published by a rerun, or a list joined since) read
            // changes from figures never sent to them (tester)
            List<String> figures = RevisionChanges.figures(changes);
            // a revision whose only line is its reason (its figures the same, a base's 数据未到 ended) lists no
            // figures under a heading that promised some (review)
            if (!figures.isEmpty()) {
                lines.add(earlierReceived ? "本版更正了以下数字：" : "本版更正了以下数字（相对于第" + (revision - 1)
                        + "版；此前各版未曾邮件发送给您，可在门户页面查看）：");
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
        String text = String.join("\n", lines) + "\n";
        return new Content(subject(product, from, to, revision), text, html(lines, link));
    }

    /** The lines as paragraphs, the portal's address a link a reader can tap (on a phone it was text to copy). */
    private static String html(List<String> lines, String link) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>");
        String escapedLink = escape(link);
        for (String line : lines) {
            html.append(line.isEmpty() ? "" : "<p>" + escape(line).replace(escapedLink,
                    "<a href=\"" + escapedLink + "\">" + escapedLink + "</a>") + "</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A mail without the revision's figures is not sent: the attempt fails, is retried and, in the end, listed as failed. */
    private static AreaFigures printed(Optional<AreaFigures> figures, String what, String product, LocalDate from, LocalDate to, int revision) {
        return figures.orElseThrow(() -> new IllegalStateException("revision " + revision + " of the " + product + " bulletin "
                + MailedBulletin.layoutPeriod(product, from, to) + " keeps no " + what));
    }

    /**
     * The changes a line of figures says: none of a period whose data has not all arrived, and neither one against a
     * base holding such a day.
     */
    private record Changes(boolean arrived, BaseGaps gaps) {

        String of(AreaFigures current, AreaFigures yoyBase, AreaFigures popBase, Metric metric) {
            if (!arrived) {
                return "数据未到，不计算同比、环比";
            }
            return "同比" + change(gaps.yoy(), current, yoyBase, metric) + "，环比" + change(gaps.pop(), current, popBase, metric);
        }

        private static String change(List<LocalDate> notArrived, AreaFigures current, AreaFigures base, Metric metric) {
            return notArrived.isEmpty() ? percent(Change.percent(current.value(metric), base.value(metric))) : "—（基期数据未到）";
        }

        /** "环比基期（2022-11-06）含数据未到的日期，不计算环比。", or empty when both bases are whole. */
        Optional<String> gapsSaid() {
            List<String> bases = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            if (arrived && !gaps.yoy().isEmpty()) {
                bases.add("同比基期（" + MissingData.named(gaps.yoy()) + "）");
                changes.add("同比");
            }
            if (arrived && !gaps.pop().isEmpty()) {
                bases.add("环比基期（" + MissingData.named(gaps.pop()) + "）");
                changes.add("环比");
            }
            return bases.isEmpty() ? Optional.empty()
                    : Optional.of(String.join("、", bases) + "含数据未到的日期，不计算" + String.join("、", changes) + "。");
        }
    }

    /** metrics.md's change, 1 decimal; a base of 0 has none. */
    private static String percent(Optional<BigDecimal> change) {
        return change.map(org.fraudstats.metrics.Change::said).orElse("—（基期为0）");
    }

    private static String productName(String product) {
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
