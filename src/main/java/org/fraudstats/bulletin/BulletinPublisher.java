package org.fraudstats.bulletin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fraudstats.bulletin.data.BulletinAssembler;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.pdf.BulletinPdf;
import org.fraudstats.bulletin.publish.BulletinFiles;
import org.fraudstats.press.UnusualNote;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulletin module's one way in: renders the daily bulletin of a day or the bulletin of a period, as PDF
 * and/or workbook under OUT/daily/DAY/ or OUT/range/FROM_TO/, as a new revision when its figures moved since
 * the last one published (see {@link BulletinFiles}). Every figure is read in one snapshot of the database.
 * The caller holds the lock of the days (RunLock.days).
 */
@Service
public class BulletinPublisher {

    public enum Format { pdf, xlsx }

    private final BulletinAssembler assembler;
    private final BulletinFiles files;
    private final MissingData missingData;
    private final Clock clock;
    private final BulletinPdf pdf;
    private final org.fraudstats.metrics.RollupCheck rollupCheck;

    BulletinPublisher(BulletinAssembler assembler, BulletinFiles files, MissingData missingData, Clock clock, BulletinPdf pdf,
                      org.fraudstats.metrics.RollupCheck rollupCheck) {
        this.pdf = pdf;
        this.rollupCheck = rollupCheck;
        this.assembler = assembler;
        this.files = files;
        this.missingData = missingData;
        this.clock = clock;
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Published daily(LocalDate day, Path out, Set<Format> formats, Long jobExecutionId) {
        return daily(day, out, formats, jobExecutionId, null);
    }

    /**
     * @param notice a line printed prominently (数据未到 when the day's drop had not arrived), or null: then the
     *               bulletin says 数据未到 all the same while no drop dated on or after the day has been loaded
     *               ({@link MissingData})
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Published daily(LocalDate day, Path out, Set<Format> formats, Long jobExecutionId, String notice) {
        requireNoOutsizedAmounts(BulletinKind.DAILY, day, day);
        BulletinData data = assembler.daily(day, jobExecutionId, now()).withGaps(missingData.inBases(day, day));
        // the trend's days not arrived, the day itself the last of them: one query says both (each day is decided alone)
        List<LocalDate> notArrived = new java.util.ArrayList<>(
                missingData.daysNotArrived(data.days().isEmpty() ? day : data.days().get(0).day(), day));
        String said = notice != null ? notice : notArrived.contains(day) ? MissingData.notice(day) : null;
        // the night's own notice (its drop not in the inbox) holds even where a later drop makes the query count the
        // day as arrived: the notice and the trend say the same (review)
        if (said != null && !notArrived.contains(day)) {
            notArrived.add(day);
        }
        data = data.withTrendNotArrived(notArrived);
        java.util.Set<LocalDate> leftOut = new java.util.TreeSet<>(notArrived);
        leftOut.addAll(data.gaps().yearToDate());
        data = assembler.withSummaryNamingDaysNotArrived(data, leftOut, said == null);
        return files.publish(said == null ? data : data.withUnusual(UnusualNote.NOT_JUDGED), out, formats, said);
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Published range(LocalDate from, LocalDate to, Path out, Set<Format> formats, Long jobExecutionId) {
        requireNoOutsizedAmounts(BulletinKind.ofRange(from, to), from, to);
        // a weekly rendered on Monday morning before Sunday's drop came holds partial figures too, and goes to leadership
        List<LocalDate> missing = missingData.daysNotArrived(from, to);
        // a range's trend is its own days
        BulletinData data = assembler.range(from, to, jobExecutionId, now()).withGaps(missingData.inBases(from, to))
                .withTrendNotArrived(missing);
        java.util.Set<LocalDate> leftOut = new java.util.TreeSet<>(missing);
        leftOut.addAll(data.gaps().yearToDate());
        return files.publish(assembler.withSummaryNamingDaysNotArrived(data, leftOut, true), out, formats,
                missing.isEmpty() ? null : MissingData.notice(missing));
    }

    /**
     * Refuses a catalogue whose district or fraud type names the bulletin font cannot draw, naming them: found when
     * a bulletin first printed such a name, the night a case of that type came had no bulletin (tester A).
     */
    public void checkCatalogue() {
        pdf.requireCatalogueDrawable();
    }

    /** Every published revision of the bulletins whose period overlaps [from, to], oldest period first. */
    public List<Revision> revisions(LocalDate from, LocalDate to) {
        return files.revisions(from, to);
    }

    /** The latest revision of the newest daily bulletin, if any was published. */
    public java.util.Optional<Revision> latestDaily() {
        return files.latestDaily();
    }

    /** What one job execution (a rerun, a night) published, oldest period first. */
    public List<Revision> publishedBy(long jobExecutionId) {
        return files.publishedBy(jobExecutionId);
    }

    /**
     * The days a bulletin reads ({@link ReadDays}: its period, bases, years to date, trend) whose records changed since
     * its latest revision was rendered, oldest first: what a revision's 更正原因 names, and a page's notice.
     */
    public List<LocalDate> changedSinceLatest(BulletinKind kind, LocalDate from, LocalDate to) {
        return files.changedSinceLatest(kind, from, to);
    }

    /**
     * Of each bulletin, as above in one query (an archive listing's), by {@link BulletinKind#folder}; a bulletin none of whose days
     * changed since its latest revision, or never published, is absent.
     */
    public Map<String, List<LocalDate>> changedSinceLatest(List<Map.Entry<BulletinKind, ReadDays.Span>> bulletins) {
        return files.changedSinceLatest(bulletins);
    }

    /** The figures a published revision printed, read back from the snapshot kept with it; empty when there is no such revision. */
    public Optional<PublishedFigures> printed(BulletinKind kind, LocalDate from, LocalDate to, int revision) {
        return files.printed(kind, from, to, revision).map(PublishedFigures::of);
    }

    /**
     * Over each span of days the bulletin reads (ReadDays), not the days between them: a daily was refused for a row of
     * last December it never prints, and with it the night's other dailies (review 31c).
     */
    private void requireNoOutsizedAmounts(BulletinKind kind, LocalDate from, LocalDate to) {
        for (ReadDays.Span span : ReadDays.of(kind, from, to).spans()) {
            rollupCheck.requireNoOutsizedAmounts(span.first(), span.last(), "nothing was rendered");
        }
    }

    private ZonedDateTime now() {
        return BulletinAssembler.now(clock);
    }
}
