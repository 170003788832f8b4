package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.FirstDayLoaded;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Headlines;
import org.fraudstats.press.Topic;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The headline press officers may quote (web.md): only figures a published bulletin already carries, so the headline
 * of a period is given only once a daily bulletin of its last day, or of a later day, has been published, and it names
 * that bulletin; and not while a load made after that bulletin changed a day of the period (a late drop loaded by
 * hand, a correction): those figures are published by the next bulletin or revision, and until then the press
 * would quote numbers that leadership has not seen; nor while the period's own bulletin (the daily of its day, the
 * weekly or monthly of its days) is out of date, a later bulletin having published the change in its year to date
 * only; nor through a day whose data has not arrived (数据未到, as the
 * bulletins decide it): its figures are partial; nor from a day before anything was loaded: its zeros are no figure.
 */
@Service
public class PublishedHeadline {

    /** The headline of a period, or why it cannot be quoted yet. */
    public sealed interface Answer permits Quoted, NotPublished {
    }

    /**
     * Why not, for the API (English, as its other errors) and for the page (Chinese).
     *
     * @param why the audit log's reason for the refusal ("not-published: WHY"): an auditor could not tell the 409 of a
     *            period with no bulletin yet from one whose figures changed since (r33a)
     */
    public record NotPublished(String english, String chinese, String why) implements Answer {
        public static final String NO_BULLETIN = "no bulletin yet";
        public static final String BEFORE_RECORDS = "before the records";
        public static final String NOT_ARRIVED = "data not arrived yet";
        public static final String CHANGED = "changed since published";
        public static final String ARRIVED = "arrived since published";

        /** How the audit log records it. */
        public String auditResult() {
            return "not-published: " + why;
        }
    }

    /**
     * The headline and the bulletin it rests on; and the period's own bulletin (the daily of its day, the weekly or
     * monthly of its days) when it was corrected, so that a press office can tell a figure it quoted has moved: it may
     * read no bulletin, and the headline said nothing of a correction (tester); and the dailies of the period that
     * were, for a period with no bulletin of its own (本月以来 through a day: 1472宗 became 1473宗 after the 31st's
     * correction, and nothing said so). Only a correction that moved a figure the headline quotes (its area, its
     * topic) is named.
     *
     * @param correctedDays the corrected dailies of the period, other than its own bulletin, the latest published first
     */
    public record Quoted(Headline headline, PublishedBulletin bulletin, Optional<PublishedBulletin> corrected,
                         List<PublishedBulletin> correctedDays) implements Answer {

        /** "本时段内的日报已更正：2022-12-31（第2版，2023-01-02 07:31:00 发布）等 2 份…", or null when none was. */
        public String correctedDaysSaid() {
            if (correctedDays.isEmpty()) {
                return null;
            }
            PublishedBulletin latest = correctedDays.get(0);
            return "本时段内的日报已更正：" + latest.period() + "（第" + latest.revision() + "版，" + latest.publishedAtDisplay() + " 发布）"
                    + (correctedDays.size() > 1 ? "等 " + correctedDays.size() + " 份" : "")
                    // a day's figure moved; the period's may not have (two cases moved from the 20th to the 19th left the
                    // week's 315宗 as it was, and the line said the period's figures had changed: tester)
                    + "，其所引用的当日数字有变化，本时段的数字可能随之变化：此前引用过的数字请与上方核对，以上方为准。";
        }

        /**
         * `headline --format json` plus "bulletin": {"date", "revision", "published_at"}, as the API prints it, and
         * "corrected": {"date", "kind", "revision", "published_at"} when the period's own bulletin has a revision.
         */
        public String json(boolean withEnglish) {
            Map<String, Object> json = new LinkedHashMap<>(headline.json(withEnglish));
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("date", bulletin.period());
            b.put("revision", bulletin.revision());
            b.put("published_at", bulletin.publishedAtText());
            json.put("bulletin", b);
            corrected.ifPresent(c -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("date", c.period());
                r.put("kind", c.kindName());
                r.put("revision", c.revision());
                r.put("published_at", c.publishedAtText());
                json.put("corrected", r);
            });
            if (!correctedDays.isEmpty()) {
                json.put("corrected_days", correctedDays.stream().map(c -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("date", c.period());
                    r.put("revision", c.revision());
                    r.put("published_at", c.publishedAtText());
                    return r;
                }).toList());
            }
            return Headlines.json(json);
        }
    }

    private final Headlines headlines;
    private final BulletinArchive archive;
    private final NamedParameterJdbcTemplate jdbc;
    private final MissingData missingData;

    private final FirstDayLoaded firstDayLoaded;
    private final OutdatedBulletin outdatedBulletin;
    private final BulletinPublisher publisher;

    PublishedHeadline(Headlines headlines, BulletinArchive archive, NamedParameterJdbcTemplate jdbc, MissingData missingData,
                      FirstDayLoaded firstDayLoaded, OutdatedBulletin outdatedBulletin, BulletinPublisher publisher) {
        this.publisher = publisher;
        this.firstDayLoaded = firstDayLoaded;
        this.outdatedBulletin = outdatedBulletin;
        this.headlines = headlines;
        this.archive = archive;
        this.jdbc = jdbc;
        this.missingData = missingData;
    }

    /**
     * The newest day a period may end on to be quoted, from the newest daily published: that day, or the day before the
     * days at its end whose data has not arrived. The night publishes 数据未到 at 07:30, when the press office starts,
     * and the page's default period and every quick link ended on that day, each refused (tester 30a).
     */
    public LocalDate lastArrived(LocalDate newestDaily) {
        // back at most a year, in one read: a longer wait than that is no morning's late drop, and the newest daily's
        // own day is then said (its refusal names the days)
        java.util.Set<LocalDate> notArrived = new java.util.HashSet<>(missingData.daysNotArrived(newestDaily.minusDays(366), newestDaily));
        // and the days the bulletin it would rest on printed as not arrived, arrived since: refused until a bulletin is
        // published after (arrivedSince), the default period and every quick link ended on one (review 36d)
        bulletin(newestDaily).ifPresent(b -> notArrived.addAll(arrivedSince(b, newestDaily.minusDays(366), newestDaily)));
        LocalDate end = newestDaily;
        while (notArrived.contains(end)) {
            end = end.minusDays(1);
        }
        return end.isBefore(newestDaily.minusDays(366)) ? newestDaily : end;
    }

    public Answer of(LocalDate from, LocalDate to, String area, Topic topic) {
        Optional<PublishedBulletin> resting = bulletin(to);
        if (resting.isEmpty()) {
            return new NotPublished("no daily bulletin of " + to + " or later has been published yet: the headline quotes published figures only",
                    to + " 及以后的日报尚未发布：新闻口径只引用已发布的数据。", NotPublished.NO_BULLETIN);
        }
        PublishedBulletin b = resting.get();
        // nothing loaded for the first days of the period: their zeros are no figure the centre has
        LocalDate firstDay = firstDayLoaded.get().orElse(null);
        if (firstDay == null || from.isBefore(firstDay)) {
            String since = firstDay == null ? "nothing has been loaded yet" : firstDayLoaded.said(firstDay);
            return new NotPublished("no data before " + (firstDay == null ? to.plusDays(1) : firstDay) + " (" + since
                    + "): a headline over days before it would quote zeros for a time with no records",
                    (firstDay == null ? "尚未载入任何数据" : firstDayLoaded.saidInChinese(firstDay) + "，此前没有记录")
                            + "：新闻口径不能给出无记录时段的数字" + (firstDay == null || firstDay.isAfter(to) ? "。" : "，请从 " + firstDay + " 起取数。"), NotPublished.BEFORE_RECORDS);
        }
        // a day whose data has not arrived (数据未到, the rule every bulletin applies): a figure over a period holding it
        // is short of it, whichever later bulletin the headline would rest on; that is a day whose bulletin said so, and
        // a day with no drop and no later drop loaded, which may have no bulletin at all
        List<LocalDate> notArrived = missingData.daysNotArrived(from, to);
        if (!notArrived.isEmpty()) {
            LocalDate first = notArrived.get(0);
            int missingDays = notArrived.size();
            String more = andMore(missingDays);
            boolean before = first.isAfter(from);
            return new NotPublished("the data of " + first + more + " has not arrived (数据未到): figures of a period holding "
                    + (missingDays > 1 ? "them" : "it") + " are partial, so the headline waits for it"
                    + (before ? "; a period ending " + first.minusDays(1) + " can be quoted now" : ""),
                    first + chineseAndMore(missingDays) + "的数据未到，含" + (missingDays > 1 ? "这些日子" : "该日") + "的数字不全："
                            + "新闻口径请待数据到达、日报发布后再取" + (before ? "，或取截至 " + first.minusDays(1) + " 的数据" : "") + "。", NotPublished.NOT_ARRIVED);
        }
        Headline headline = headlines.of(from, to, area, topic);
        // looked at after the figures were read: a load landing in between is seen here, never quoted unseen
        Optional<Changed> changed = changedSince(b, from, to);
        if (changed.isPresent()) {
            long days = changed.get().days();
            LocalDate first = changed.get().firstDay();
            String more = andMore(days);
            return new NotPublished("the figures of " + first + more + " changed after the bulletin of " + b.period() + " (revision "
                    + b.revision() + ") was published: the headline quotes published figures only, so it waits for the next "
                    + "bulletin or revision",
                    first + chineseAndMore(days) + "的数据在 " + b.period() + " 日报（第" + b.revision()
                            + "版）发布后有更新，尚未发布：新闻口径只引用已发布的数据，请待下一期日报或更正版发布后再取。", NotPublished.CHANGED);
        }
        // the period's own bulletin, published before that change and not yet revised: the headline would quote a
        // figure the bulletin of those very days says otherwise
        Optional<OutdatedBulletin.Outdated> outdated = outdatedBulletin.of(from, to);
        if (outdated.isPresent()) {
            String period = from.equals(to) ? from.toString() : from + "_" + to;
            int revision = outdated.get().revision();
            // "may": rendered again, the figures may turn out the same (a correction undone), and then nothing new is
            // published but the wait ends all the same (tester: "its revision" promised one that never came)
            if (outdated.get().arrivedOnly()) {
                return new NotPublished("the data of " + period + " arrived after its own bulletin (revision " + revision
                        + ") said it had not (数据未到), and it has not been rendered again since: the headline quotes published "
                        + "figures only, so it waits for the next night or a rerun to render it again",
                        period + " 的通报（第" + revision + "版）发布时数据未到，现已到达，尚未重新生成：新闻口径只引用已发布的数据，"
                                + "请待下一次日报任务或重新生成后再取。", NotPublished.ARRIVED);
            }
            return new NotPublished("the figures of " + period + " changed after its own bulletin (revision " + revision
                    + ") was published, and it has not been rendered again since: the headline quotes published figures only, "
                    + "so it waits for the next night or a rerun to render it again (a new revision if a figure moved)",
                    period + " 的通报（第" + revision + "版）发布后该时段数据有更新，尚未重新生成：新闻口径只引用已发布的数据，"
                            + "请待下一次日报任务或重新生成后再取（数字如有变化即发布更正版）。", NotPublished.CHANGED);
        }
        // a day the bulletin it rests on printed as not arrived, arrived since (a later drop loaded) with no bulletin
        // published after: the headline would quote as whole what its bulletin printed as partial (r36b M1: 3月2日…0宗,
        // resting on the 3rd's daily, which said 3月2日数据未到). Asked after the period's own bulletin, whose words are
        // the more exact when it is the one the headline rests on (the CI of 1a9862f5)
        List<LocalDate> arrivedSince = arrivedSince(b, from, to);
        if (!arrivedSince.isEmpty()) {
            LocalDate first = arrivedSince.get(0);
            int days = arrivedSince.size();
            String more = andMore(days);
            // the bulletin to render again named: a rerun of the day that arrived leaves the headline resting on this one
            // (review 36d)
            return new NotPublished("the data of " + first + more + " arrived after the bulletin of " + b.period() + " (revision "
                    + b.revision() + ") said " + (days > 1 ? "they" : "it") + " had not (数据未到): the headline quotes published "
                    + "figures only, so it waits for the next night or a rerun of " + b.period(),
                    first + chineseAndMore(days) + "的数据在 " + b.period() + " 日报（第" + b.revision()
                            + "版）发布时未到，现已到达：新闻口径只引用已发布的数据，请待下一次日报任务或重新生成 " + b.period() + " 的日报后再取。",
                    NotPublished.ARRIVED);
        }
        // days of the period before the year the bulletin it rests on reads (its year to date): that bulletin, rendered
        // after a change of them, publishes none of it; their own dailies must then be current (r36a: a late case of
        // 2022-09-22 was quoted in 2022年以来, resting on a rerun of 2023-06-13, while the 22nd's daily said 0)
        LocalDate yearRead = b.from().withDayOfYear(1);
        if (from.isBefore(yearRead)) {
            List<OutdatedBulletin.Outdated> unread = outdatedBulletin.overlapping(from, to.isBefore(yearRead) ? to : yearRead.minusDays(1))
                    .stream().filter(o -> o.kind().equals(BulletinKind.DAILY.key()) && !o.from().isBefore(from)).toList();
            if (!unread.isEmpty()) {
                OutdatedBulletin.Outdated first = unread.get(0);
                LocalDate day = first.from();
                int days = unread.size();
                String more = andMore(days);
                String and = chineseAndMore(days);
                String rest = ", and the bulletin of " + b.period() + " does not publish " + (days > 1 ? "those days" : "that day")
                        + ": the headline quotes published figures only, so it waits for the next night or a rerun of " + day
                        + (days > 1 ? " and the others" : "") + " to render " + (days > 1 ? "them" : "it") + " again";
                String restChinese = "（" + b.period() + " 日报不含" + (days > 1 ? "这些日子" : "该日") + "）：新闻口径只引用已发布的数据，"
                        + "请待下一次日报任务或重新生成" + (days > 1 ? "这些日子" : "该日") + "后再取。";
                // said as the period's own bulletin's is: a 数据未到 day whose drop came changed no record (review 36d)
                return first.arrivedOnly()
                        ? new NotPublished("the data of " + day + more + " arrived after " + (days > 1 ? "their own bulletins" : "its own bulletin (revision "
                                + first.revision() + ")") + " said " + (days > 1 ? "they" : "it") + " had not (数据未到)" + rest,
                                day + and + "的数据在其日报" + (days > 1 ? "" : "（第" + first.revision() + "版）") + "发布时未到，现已到达，尚未重新生成" + restChinese,
                                NotPublished.ARRIVED)
                        : new NotPublished("the figures of " + day + more + " changed after " + (days > 1 ? "their own bulletins were" : "its own bulletin (revision "
                                + first.revision() + ") was") + " published" + rest,
                                day + and + "的数据在其日报" + (days > 1 ? "" : "（第" + first.revision() + "版）") + "发布后有更新，尚未重新生成" + restChinese,
                                NotPublished.CHANGED);
            }
        }
        // of one day, its daily: a one-day range bulletin (a rerun --range of that day) is revised on its own, and
        // the press quotes the daily
        List<PublishedBulletin> published = archive.list(from, to);
        String quotedArea = headline.districtCode();
        java.util.Set<String> quotedFigures = headline.figures().keySet();
        Optional<PublishedBulletin> corrected = published.stream()
                .filter(own -> own.from().equals(from) && own.to().equals(to))
                .filter(own -> !from.equals(to) || own.kind() == BulletinKind.DAILY)
                .max(Comparator.comparingInt(PublishedBulletin::revision)).filter(own -> own.revision() > 1)
                .filter(own -> moved(own, quotedArea, quotedFigures));
        // the dailies of the period corrected since it could be quoted, moving a quoted figure (one query)
        List<PublishedBulletin> correctedDays = List.of();
        if (!from.equals(to)) {
            Map<LocalDate, PublishedBulletin> latestDaily = new java.util.HashMap<>();
            published.stream().filter(d -> d.kind() == BulletinKind.DAILY)
                    .forEach(d -> latestDaily.merge(d.from(), d, (x, y) -> x.revision() >= y.revision() ? x : y));
            correctedDays = jdbc.queryForList(SqlFiles.load("web/corrected-days.sql"), Map.of("from", from, "to", to,
                    "area", quotedArea, "metrics", quotedFigures.toArray(String[]::new)), LocalDate.class).stream()
                    .map(latestDaily::get).filter(java.util.Objects::nonNull).toList();
        }
        return new Quoted(headline, b, corrected, correctedDays);
    }

    /** After a refusal's first day: " and 2 more days" of three, nothing of one. */
    private static String andMore(long days) {
        return days > 1 ? " and " + (days - 1) + " more day" + (days > 2 ? "s" : "") : "";
    }

    /** After its first day in Chinese: " 等 3 天" of three, a space of one. */
    private static String chineseAndMore(long days) {
        return days > 1 ? " 等 " + days + " 天" : " ";
    }

    /**
     * The days of [from, to] the bulletin printed as not arrived (数据未到): those still not arrived are refused as such
     * before {@link #of} asks, so there the days arrived since.
     */
    private List<LocalDate> arrivedSince(PublishedBulletin b, LocalDate from, LocalDate to) {
        return publisher.printed(BulletinKind.DAILY, b.from(), b.to(), b.revision())
                .map(printed -> printed.saidNotArrived(b.from()).subSet(from, to.plusDays(1)).stream().toList()).orElse(List.of());
    }

    /** Whether the bulletin's corrections moved a figure the headline quotes (sql/web/quoted-figures-moved.sql). */
    private boolean moved(PublishedBulletin bulletin, String area, java.util.Set<String> figures) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("web/quoted-figures-moved.sql"), Map.of(
                "kind", bulletin.kind().key(), "from", bulletin.from(), "to", bulletin.to(),
                "revision", bulletin.revision(), "area", area, "metrics", figures.toArray(String[]::new)), Boolean.class));
    }

    /** Days of a period whose figures changed after a bulletin was rendered: the first of them and how many. */
    public record Changed(PublishedBulletin bulletin, LocalDate firstDay, long days) {
    }

    /**
     * The days of [from, to] whose figures changed after {@code bulletin} was rendered (sql/web/changed-since-bulletin.sql),
     * or empty when none did.
     */
    public Optional<Changed> changedSince(PublishedBulletin bulletin, LocalDate from, LocalDate to) {
        Map<String, Object> changed = jdbc.queryForMap(SqlFiles.load("web/changed-since-bulletin.sql"), Map.of(
                "from", from, "to", to, "bulletinDate", bulletin.from(), "revision", bulletin.revision()));
        long days = ((Number) changed.get("days")).longValue();
        return days == 0 ? Optional.empty()
                : Optional.of(new Changed(bulletin, ((java.sql.Date) changed.get("first_day")).toLocalDate(), days));
    }

    /** The latest published daily bulletin whose date is on or after {@code to}: the newest publication, then the latest day. */
    public Optional<PublishedBulletin> bulletin(LocalDate to) {
        return archive.list(to, LocalDate.of(9999, 12, 31)).stream()
                .filter(b -> b.kind() == BulletinKind.DAILY && !b.from().isBefore(to))
                .max(Comparator.comparing(PublishedBulletin::publishedAt).thenComparing(PublishedBulletin::from)
                        .thenComparing(PublishedBulletin::revision));
    }
}
