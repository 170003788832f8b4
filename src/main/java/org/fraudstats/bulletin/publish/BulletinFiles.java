package org.fraudstats.bulletin.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.BulletinPublisher.Format;
import org.fraudstats.bulletin.Published;
import org.fraudstats.bulletin.Revision;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.FigureSnapshot;
import org.fraudstats.bulletin.pdf.BulletinPdf;
import org.fraudstats.bulletin.workbook.BulletinWorkbook;
import org.fraudstats.catalog.Catalog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one bulletin as a revision, in the output layout scripts and mail rely on:
 * OUT/daily/2022-10-23/fraudstats-daily-2022-10-23.pdf (and .xlsx, manifest.json), and
 * OUT/range/2022-01-01_2022-10-23/fraudstats-range-2022-01-01_2022-10-23.pdf.
 * A render whose figures differ from the latest published revision becomes a new revision
 * (…-2022-10-21.r2.pdf beside the first) that lists what changed; one with the same figures re-renders that
 * revision in place. Runs inside the caller's transaction, which holds the period's lock.
 */
@Component
public class BulletinFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BulletinPdf pdf;
    private final BulletinWorkbook workbook;
    private final Revisions revisions;
    private final Catalog catalog;

    BulletinFiles(BulletinPdf pdf, BulletinWorkbook workbook, Revisions revisions, Catalog catalog) {
        this.pdf = pdf;
        this.workbook = workbook;
        this.revisions = revisions;
        this.catalog = catalog;
    }

    /** @param notice a line printed prominently (数据未到 when the day's drop had not arrived), or null */
    public Published publish(BulletinData data, Path out, Set<Format> formats, String notice) {
        BulletinKind kind = data.kind();
        ZonedDateTime generatedAt = data.provenance().generatedAt();
        Long jobExecutionId = data.provenance().jobExecutionId();
        String figures = FigureSnapshot.of(data, notice);
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
        revisions.record(kind, data.from(), data.to(), revision, figures, JSON.writeValueAsString(changes), jobExecutionId, generatedAt, out);
        String period = kind == BulletinKind.DAILY ? data.from().toString() : data.from() + "_" + data.to();
        Path folder = out.resolve(kind.key()).resolve(period);
        String base = "fraudstats-" + kind.key() + "-" + period + (revision > 1 ? ".r" + revision : "");
        List<Path> files = new ArrayList<>();
        try {
            // the caller holds this period's lock: a temporary file here is one a killed render left behind
            AtomicFiles.prepareFolder(folder);
            if (formats.contains(Format.pdf)) {
                Path file = folder.resolve(base + ".pdf");
                AtomicFiles.write(file, stream -> pdf.write(revised, stream));
                files.add(file);
            }
            if (formats.contains(Format.xlsx)) {
                Path file = folder.resolve(base + ".xlsx");
                AtomicFiles.write(file, stream -> workbook.write(revised, stream));
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bulletin under " + folder + ": " + e.getMessage(), e);
        }
        Manifest.write(folder, data, revisions.overlapping(data.from(), data.to()).stream()
                .filter(r -> r.kind() == kind && r.from().equals(data.from()) && r.to().equals(data.to())).toList(), generatedAt);
        return new Published(kind, period, revision, newRevision, changes, files);
    }

    /** Every published revision of the bulletins whose period overlaps [from, to], oldest period first. */
    public List<Revision> revisions(LocalDate from, LocalDate to) {
        return revisions.overlapping(from, to);
    }
}
