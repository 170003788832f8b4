package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.FirstDayLoaded;
import org.fraudstats.bulletin.ReadDays;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a rerun from the portal or the API would render, before it runs (the dry run), and the days it may render at
 * all: the same for the page, the API and the rerun itself ({@link Reruns}).
 */
@Service
public class RerunPlans {

    /**
     * What a dry run answers: the days and the bulletins (folder and formats) the rerun would render.
     *
     * @param bulletins as the API and the command line name them: {@code daily/2022-10-21 (pdf,xlsx)}
     * @param named     the same as the page says them: {@code 日报 2022-10-21（PDF、Excel）}
     */
    public record Plan(LocalDate from, LocalDate to, List<LocalDate> days, List<String> bulletins, List<String> named,
                       List<DayOutlook> outlook) {

        /** The outlook of the range bulletin, when the rerun renders one (the last of {@link #outlook}), or null. */
        public DayOutlook rangeOutlook() {
            return outlook.isEmpty() || outlook.get(outlook.size() - 1).range() == null ? null : outlook.get(outlook.size() - 1);
        }

        /** The dailies' outlooks, one a day. */
        public List<DayOutlook> dailyOutlook() {
            return outlook.stream().filter(o -> o.range() == null).toList();
        }
    }

    /**
     * What the rerun would do to one day's daily bulletin, before it runs (tester: the dry run listed every day alike,
     * where what matters is which days become a correction mailed to leadership).
     *
     * @param day               the day of a daily bulletin, the first day of the range bulletin
     * @param range             the range bulletin's last day, or null of a daily bulletin
     * @param publishedRevision its latest published revision, or null when none was published
     * @param changedSince      whether a figure it prints may have changed since that revision was rendered
     */
    public record DayOutlook(LocalDate day, LocalDate range, Integer publishedRevision, boolean changedSince) {

        /** first, may-revise or unchanged: the API's word. */
        public String status() {
            return publishedRevision == null ? "first" : changedSince ? "may-revise" : "unchanged";
        }

        /** The page's. */
        public String chinese() {
            if (publishedRevision == null) {
                return "尚未发布：首次发布（不发邮件）";
            }
            // a daily's correction goes to the daily's readers; a range bulletin's only when it is a week or a month
            // someone subscribes to (a 区间 of other days is mailed to no one)
            String mailed = range == null || Deliveries.mailsRange(day, range) ? "并邮件通知" : "（区间通报不发邮件）";
            return changedSince
                    ? "已发布第" + publishedRevision + "版，其后数据有更新：数字如有变化，发布第" + (publishedRevision + 1) + "版" + mailed
                    : "已发布第" + publishedRevision + "版，其后未载入影响本期的数据：重新生成，预计不发布新版";
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final FirstDayLoaded firstDayLoaded;
    private final RollupCheck rollupCheck;

    RerunPlans(NamedParameterJdbcTemplate jdbc, FirstDayLoaded firstDayLoaded, RollupCheck rollupCheck) {
        this.jdbc = jdbc;
        this.firstDayLoaded = firstDayLoaded;
        this.rollupCheck = rollupCheck;
    }

    /**
     * The dry run: nothing is locked, computed or written.
     *
     * @throws RollupCheck.OutsizedAmounts as the rerun would be refused ({@link #requireNoOutsizedAmounts})
     */
    public Plan plan(LocalDate from, LocalDate to, Set<BulletinPublisher.Format> formats, boolean range) {
        requireRecords(from, to);
        requireNoOutsizedAmounts(from, to, range);
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<String> bulletins = new ArrayList<>();
        List<String> named = new ArrayList<>();
        String extensions = formats.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
        // a leader's words on the page, where daily/2022-10-21 (pdf,xlsx) was the folder's (r35b L8)
        String files = "（" + String.join("、", formats.stream().sorted().map(f -> f == BulletinPublisher.Format.pdf ? "PDF" : "Excel").toList()) + "）";
        for (LocalDate day : days) {
            bulletins.add("daily/" + day + " (" + extensions + ")");
            named.add(BulletinKind.DAILY.shortName() + " " + day + files);
        }
        if (range) {
            // the folder BulletinFiles writes it to, and the document's name (周报, 月报 or 区间, told by the dates)
            bulletins.add(BulletinKind.RANGE.key() + "/" + BulletinKind.RANGE.period(from, to) + " (" + extensions + ") "
                    + BulletinKind.ofRange(from, to).documentName());
            // as the mails table below names a week (周报 2022-10-17 至 2022-10-23)
            named.add(BulletinKind.ofRange(from, to).shortName() + " " + from + " 至 " + to + files);
        }
        List<DayOutlook> outlook = jdbc.query(SqlFiles.load("web/rerun-outlook.sql"), Map.of("reads", ReadDays.json(rendered(from, to, range))),
                (rs, i) -> new DayOutlook(rs.getObject("date_from", LocalDate.class),
                        "range".equals(rs.getString("kind")) ? rs.getObject("date_to", LocalDate.class) : null,
                        (Integer) rs.getObject("published_revision"), rs.getBoolean("changed_since")));
        return new Plan(from, to, days, bulletins, named, outlook);
    }

    /**
     * Refuses a rerun, and its dry run, when a day its bulletins read holds an amount of 10 billion yuan or more (most
     * likely an account number): every bulletin refuses to render over it (BulletinPublisher), so the dry run listed
     * what the rerun would publish, and the rerun then failed on its first day (review 31d).
     */
    void requireNoOutsizedAmounts(LocalDate from, LocalDate to, boolean range) {
        for (ReadDays.Span span : ReadDays.union(rendered(from, to, range))) {
            rollupCheck.requireNoOutsizedAmounts(span.first(), span.last(), "no bulletin was rendered");
        }
    }

    /** The bulletins a rerun renders: a daily of each day, and the one of the whole period with {@code range}. */
    private static List<Map.Entry<BulletinKind, ReadDays.Span>> rendered(LocalDate from, LocalDate to, boolean range) {
        List<Map.Entry<BulletinKind, ReadDays.Span>> rendered = new ArrayList<>();
        from.datesUntil(to.plusDays(1)).forEach(day -> rendered.add(Map.entry(BulletinKind.DAILY, new ReadDays.Span(day, day))));
        if (range) {
            rendered.add(Map.entry(BulletinKind.ofRange(from, to), new ReadDays.Span(from, to)));
        }
        return rendered;
    }

    /**
     * A rerun from the portal or the API starts on or after the first day loaded: a bulletin of a day before it read
     * zeros, published to leadership's archive with nothing to tell it from a quiet day (tester: 2019 of a home whose
     * records begin in 2021). The command line's `rerun`, run on the server, still renders any day, but one before a records-start (cli/RerunCommand).
     *
     * @throws BadInput when nothing was loaded yet or {@code from} is before the first day loaded
     */
    void requireRecords(LocalDate from, LocalDate to) {
        LocalDate firstDay = firstDayLoaded.get().orElse(null);
        if (firstDay == null) {
            throw new BadInput("nothing has been loaded yet: a bulletin would read zeros for days with no records",
                    "尚未载入任何数据：不能为无记录的日期生成通报。");
        }
        if (from.isBefore(firstDay)) {
            throw new BadInput("no data before " + firstDay + " (" + firstDayLoaded.said(firstDay) + "): a bulletin of an earlier day would read "
                    + "zeros for a time with no records" + (to.isBefore(firstDay) ? "" : "; rerun from " + firstDay),
                    firstDayLoaded.saidInChinese(firstDay) + "，此前没有记录：不能为无记录的日期生成通报"
                            + (to.isBefore(firstDay) ? "。" : "，请从 " + firstDay + " 起重新生成。"));
        }
    }
}
