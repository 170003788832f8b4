package org.fraudstats.bulletin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fraudstats.catalog.Catalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import org.fraudstats.bulletin.publish.AtomicFiles;
import org.fraudstats.bulletin.data.BulletinAssembler;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.publish.BulletinRenderer;
import org.fraudstats.bulletin.data.FigureSnapshot;
import org.fraudstats.bulletin.publish.Manifest;
import org.fraudstats.bulletin.publish.Revisions;

/**
 * Writes bulletins in the output layout scripts and mail rely on:
 * OUT/daily/2022-10-23/fraudstats-daily-2022-10-23.pdf (and .xlsx, manifest.json), and
 * OUT/range/2022-01-01_2022-10-23/fraudstats-range-2022-01-01_2022-10-23.pdf.
 * A render whose figures differ from the latest published revision becomes a new revision
 * (…-2022-10-21.r2.pdf beside the first) that lists what changed; one with the same figures re-renders that
 * revision in place.
 */
@Service
public class BulletinPublisher {

    public enum Format { pdf, xlsx }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BulletinAssembler assembler;
    private final BulletinRenderer renderer;
    private final Revisions revisions;
    private final Catalog catalog;
    private final Clock clock;

    BulletinPublisher(BulletinAssembler assembler, BulletinRenderer renderer, Revisions revisions, Catalog catalog,
                      Optional<Clock> clock) {
        this.assembler = assembler;
        this.renderer = renderer;
        this.revisions = revisions;
        this.catalog = catalog;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Published daily(LocalDate day, Path out, Set<Format> formats, Long jobExecutionId) {
        return daily(day, out, formats, jobExecutionId, null);
    }

    /** @param notice a line printed prominently (数据未到 when the day's drop had not arrived), or null */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Published daily(LocalDate day, Path out, Set<Format> formats, Long jobExecutionId, String notice) {
        ZonedDateTime now = BulletinAssembler.now(clock);
        return publish(day.toString(), assembler.daily(day, jobExecutionId, now), out, formats, jobExecutionId, now, notice);
    }

    /** Every published revision of the bulletins whose period overlaps [from, to], oldest period first. */
    public List<Revision> revisions(LocalDate from, LocalDate to) {
        return revisions.overlapping(from, to);
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Published range(LocalDate from, LocalDate to, Path out, Set<Format> formats, Long jobExecutionId) {
        ZonedDateTime now = BulletinAssembler.now(clock);
        return publish(from + "_" + to, assembler.range(from, to, jobExecutionId, now), out, formats, jobExecutionId, now, null);
    }

    private Published publish(String period, BulletinData data, Path out, Set<Format> formats,
                              Long jobExecutionId, ZonedDateTime now, String notice) {
        BulletinKind kind = data.kind();
        String figures = FigureSnapshot.of(data);
        Optional<Revisions.Latest> latest = revisions.latest(kind, data.from(), data.to());
        int revision;
        List<String> changes;
        boolean newRevision;
        if (latest.isEmpty()) {
            revision = 1;
            changes = List.of();
            newRevision = true;
        } else if (FigureSnapshot.sameFigures(latest.get().figures(), figures)) {
            revision = latest.get().revision();
            changes = List.of();
            newRevision = false;
        } else {
            revision = latest.get().revision() + 1;
            changes = FigureSnapshot.changes(latest.get().figures(), figures, catalog);
            newRevision = true;
        }
        BulletinData revised = data.withRevision(revision, changes, notice);
        // recorded first: if writing a file fails, the transaction takes the revision back with it
        revisions.record(kind, data.from(), data.to(), revision, figures, JSON.writeValueAsString(changes), jobExecutionId, now);
        Path folder = out.resolve(kind.key()).resolve(period);
        String base = "fraudstats-" + kind.key() + "-" + period + (revision > 1 ? ".r" + revision : "");
        List<Path> files = new ArrayList<>();
        try {
            // the caller holds this period's lock: a temporary file here is one a killed render left behind
            AtomicFiles.prepareFolder(folder);
            if (formats.contains(Format.pdf)) {
                Path pdf = folder.resolve(base + ".pdf");
                renderer.writePdf(revised, pdf);
                files.add(pdf);
            }
            if (formats.contains(Format.xlsx)) {
                Path xlsx = folder.resolve(base + ".xlsx");
                renderer.writeXlsx(revised, xlsx);
                files.add(xlsx);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write bulletin under " + folder + ": " + e.getMessage(), e);
        }
        Manifest.write(folder, data, revisions.overlapping(data.from(), data.to()).stream()
                .filter(r -> r.kind() == kind && r.from().equals(data.from()) && r.to().equals(data.to())).toList(), now);
        return new Published(kind, period, revision, newRevision, changes, files);
    }
}
