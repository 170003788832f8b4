package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a published bulletin is out of date: a load or a repair changed a day of its period after its latest
 * render (or it said 数据未到 and a drop of its days came), and it has not been rendered since
 * (sql/nightly/stale-bulletins.sql, the very rule the night renders bulletins again by). Until the next night or a
 * rerun renders it again it may show other figures than 统计数据 and the press would quote; that render publishes a
 * revision if a figure moved. And, apart, whether days it only reads (its year to date, its bases, its trend)
 * changed since: no night renders it again for those, a rerun can.
 */
@Component
public class OutdatedBulletin {

    /** A bulletin's latest revision, out of date; {@code kind} is the layout's key, daily or range. */
    public record Outdated(String kind, LocalDate from, LocalDate to, int revision, boolean arrivedOnly) {

        public boolean is(PublishedBulletin b) {
            return kind.equals(b.kind().key()) && from.equals(b.from()) && to.equals(b.to()) && revision == b.revision();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    private final org.fraudstats.bulletin.BulletinPublisher publisher;

    OutdatedBulletin(NamedParameterJdbcTemplate jdbc, org.fraudstats.bulletin.BulletinPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** Every bulletin out of date whose period overlaps [from, to], for the archive's list. */
    public List<Outdated> overlapping(LocalDate from, LocalDate to) {
        return query(from, to, false);
    }

    /**
     * The latest revision of the bulletin the press quotes for exactly [from, to] when it is out of date: of one day its
     * daily (a one-day range bulletin is revised on its own, and the 409 named its revision beside a current daily,
     * review), of more days the weekly, monthly or range bulletin of those days; empty when it is not, or none was
     * published.
     */
    public Optional<Outdated> of(LocalDate from, LocalDate to) {
        return query(from, to, true).stream().filter(o -> !from.equals(to) || o.kind().equals(BulletinKind.DAILY.key())).findFirst();
    }

    /** This bulletin's latest revision, when it is out of date: the daily of a day, not a one-day range of it. */
    public Optional<Outdated> of(BulletinKind kind, LocalDate from, LocalDate to) {
        return query(from, to, true).stream().filter(o -> o.kind().equals(kind.key())).findFirst();
    }

    private List<Outdated> query(LocalDate from, LocalDate to, boolean exact) {
        return jdbc.query(SqlFiles.load("nightly/stale-bulletins.sql"), Map.of("from", from, "to", to, "exact", exact),
                (rs, i) -> new Outdated(rs.getString("kind"), rs.getObject("date_from", LocalDate.class),
                        rs.getObject("date_to", LocalDate.class), rs.getInt("revision"), rs.getBoolean("arrived_only")));
    }

    /**
     * The days its figures read (its period, its bases, its year to date and last year's, its trend) that a load or a
     * repair changed after its latest revision was rendered: the very days the revision's 更正原因 will name
     * (the publisher's own rule, asked of it, not a copy of its SQL).
     */
    public List<LocalDate> readDaysChanged(BulletinKind kind, LocalDate from, LocalDate to) {
        return publisher.changedSinceLatest(kind, from, to);
    }

    /**
     * The same of every bulletin listed, in one query (an archive of years lists thousands), by
     * {@link BulletinKind#folder}: a bulletin none of whose days changed since its latest revision is absent.
     */
    public Map<String, List<LocalDate>> readDaysChanged(List<PublishedBulletin> bulletins) {
        return publisher.changedSinceLatest(bulletins.stream()
                .map(b -> Map.entry(b.kind(), new org.fraudstats.bulletin.ReadDays.Span(b.from(), b.to()))).distinct().toList());
    }
}
