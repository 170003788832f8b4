package org.fraudstats.bulletin.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.RevisionChanges;
import org.fraudstats.bulletin.BulletinPublisher.Format;
import org.fraudstats.bulletin.Published;
import org.fraudstats.bulletin.Revision;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.FigureSnapshot;
import org.fraudstats.bulletin.data.SnapshotComparison;
import org.fraudstats.bulletin.pdf.BulletinPdf;
import org.fraudstats.bulletin.workbook.BulletinWorkbook;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.OwnFiles;
import org.fraudstats.storage.SamePlace;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one bulletin as a revision, in the output layout scripts and mail rely on:
 * OUT/daily/2022-10-23/fraudstats-daily-2022-10-23.pdf (and .xlsx, manifest.json), and
 * OUT/range/2022-01-01_2022-10-23/fraudstats-range-2022-01-01_2022-10-23.pdf.
 * A render whose figures differ from the latest published revision becomes a new revision
 * (…-2022-10-21.r2.pdf beside the first) that lists what changed; one with the same figures leaves that revision
 * as it was published. Runs inside the caller's transaction, which holds the period's lock.
 */
@Component
public class BulletinFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BulletinPdf pdf;
    private final BulletinWorkbook workbook;
    private final Revisions revisions;
    private final Catalog catalog;
    private final FraudstatsHome home;

    BulletinFiles(BulletinPdf pdf, BulletinWorkbook workbook, Revisions revisions, Catalog catalog, FraudstatsHome home) {
        this.pdf = pdf;
        this.workbook = workbook;
        this.revisions = revisions;
        this.catalog = catalog;
        this.home = home;
    }

    /** @param notice a line printed prominently (数据未到 when the day's drop had not arrived), or null */
    public Published publish(BulletinData data, Path out, Set<Format> formats, String notice) {
        BulletinKind kind = data.kind();
        String figures = FigureSnapshot.of(data, notice);
        Optional<Revisions.Latest> latest = revisions.latest(kind, data.from(), data.to());
        if (latest.isPresent() && SnapshotComparison.sameFigures(latest.get().figures(), figures)) {
            return unchanged(data, out, formats, notice, latest.get());
        }
        int revision = latest.map(l -> l.revision() + 1).orElse(1);
        List<String> changes = latest.map(l -> RevisionChanges.withoutRepeats(SnapshotComparison.changes(l.figures(), figures, catalog),
                kind, data.from(), data.to(), data.ytd().from(), catalog.cityName())).orElse(List.of());
        if (latest.isPresent()) {
            // what moved them: a change of 今年以来 alone named no day a reader could reconcile it with (tester)
            Revisions.Reason reason = revisions.reasonSinceLatest(kind, data.from(), data.to());
            if (!reason.changedDays().isEmpty() || reason.recordsStartMoved()) {
                changes = new ArrayList<>(changes);
                changes.add(RevisionChanges.reasonLine(reason.changedDays(), reason.recordsStartMoved()));
            }
        }
        // recorded first: if writing a file fails, the transaction takes the revision back with it
        revisions.record(kind, data.from(), data.to(), revision, figures, JSON.writeValueAsString(changes),
                data.provenance().jobExecutionId(), data.provenance().generatedAt(), out);
        Path folder = folder(data, out);
        List<Path> files = files(data, folder, formats, revision);
        removedUnlessRecorded(files, folder.resolve(Manifest.FILE_NAME));
        withoutUnrecordedNamesakes(data, out, revision);
        // here too, a format not written now (--formats pdf) left by a killed render of this number would stay beside
        // the new files and be served, listed and mailed as this revision's (review)
        for (Path stale : files(data, folder, Set.of(Format.values()), revision)) {
            if (!files.contains(stale)) {
                deleteUnrecorded(stale, folder);
            }
        }
        write(data.withRevision(revision, changes, notice), folder, files, file -> null);
        return new Published(kind, period(data), revision, true, changes, files, notice);
    }

    /**
     * A render whose figures are those of the latest revision publishes nothing: that revision, its files (their
     * bytes, so their ETag and the checksum of a mailed copy), its change list and its publication time stay as they
     * were first published. Rendering them again in place printed "变化的数字：无" over the list of what the revision had
     * changed. Only a file of it missing here is written: a copy of the published file when it is still in the folder
     * the revision was published into (another `--out`: rendered again, it carried this run's job, time and 已入库, so
     * one revision had files of different bytes; testers A and C), else (a format not asked before, a file deleted)
     * rendered, with the revision's own change list.
     */
    private Published unchanged(BulletinData data, Path out, Set<Format> formats, String notice, Revisions.Latest latest) {
        revisions.seen(data.kind(), data.from(), data.to(), latest.revision());
        Path folder = folder(data, out);
        List<Path> files = files(data, folder, formats, latest.revision());
        Path publishedOut = latest.outFolder() == null ? null : Path.of(latest.outFolder());
        Path published = publishedOut == null ? null : folder(data, publishedOut);
        // The published file is taken as the revision's only from a folder nobody else writes into: from a shared
        // `rerun --out`, anyone could have put theirs into the home's folder, served and mailed as the revision (review).
        UnaryOperator<Path> original = file -> {
            Path namesake = published == null ? null : published.resolve(file.getFileName());
            return namesake != null && OwnFiles.nobodyElseWrites(publishedOut, namesake, home.root()) ? namesake : null;
        };
        boolean homeFolder = SamePlace.of(folder, folder(data, home.defaultOut()));
        // A file here is the revision's, except outside the home's folder when it differs from the published one: then
        // it is one a render killed before recording this revision number left under its name (review), replaced. The
        // home's own such leftovers went when the revision was published (withoutUnrecordedNamesakes); a file there is
        // served and mailed, and keeps its bytes.
        List<Path> missing = files.stream().filter(file -> !Files.exists(file) || (!homeFolder && differs(file, original.apply(file)))).toList();
        if (!missing.isEmpty()) {
            List<String> changes = List.of(JSON.readValue(latest.changes(), String[].class));
            write(data.withRevision(latest.revision(), changes, notice), folder, missing, original);
        }
        return new Published(data.kind(), period(data), latest.revision(), false, List.of(), files, notice);
    }

    /** Whether a file differs from the published file it should be a copy of (none to compare with: it does not). */
    private static boolean differs(Path file, Path original) {
        if (original == null || SamePlace.of(file, original)) {
            return false;
        }
        try {
            return Files.mismatch(file, original) != -1;
        } catch (IOException unreadable) {
            // the published copy cannot be read here: the file stays as it is, as before
            return false;
        }
    }

    /**
     * A new revision published into another folder than the home's: a file of its number in the home's folder was left
     * by a render killed after renaming it into place and before recording it, of other figures. The portal and the
     * mail look in the home's folder first, and served or attached that file as this revision (review); it goes.
     */
    private void withoutUnrecordedNamesakes(BulletinData data, Path out, int revision) {
        Path homeFolder = folder(data, home.defaultOut());
        if (SamePlace.of(homeFolder, folder(data, out))) {
            return;
        }
        for (Path stale : files(data, homeFolder, Set.of(Format.values()), revision)) {
            deleteUnrecorded(stale, homeFolder);
        }
    }

    private static void deleteUnrecorded(Path stale, Path folder) {
        if (!Files.isDirectory(folder)) {
            // no folder, nothing left in it (a file in its place is said by the write, naming it)
            return;
        }
        try {
            Files.deleteIfExists(stale);
        } catch (IOException e) {
            throw new org.fraudstats.storage.CannotWrite(folder, e);
        }
    }

    /**
     * The files of a new revision are taken away again when its record is: a write that failed half way (no room for
     * the workbook or the manifest after the PDF), or a commit that failed, left r4's PDF under its final name with no
     * r4 recorded, and the next run published another r4, of other figures, under the same name; whoever picked the
     * folder up in between held a 第4版 that was never published (tester E). A process killed in between still leaves
     * them (README, Bulletins).
     */
    private static void removedUnlessRecorded(List<Path> files, Path manifest) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // the manifest is put back as it was: rewritten by the revision, it went on listing the removed files and
        // a revision never recorded, until the period was rendered again
        byte[] manifestBefore;
        try {
            manifestBefore = Files.exists(manifest) ? Files.readAllBytes(manifest) : null;
        } catch (IOException e) {
            throw new org.fraudstats.storage.CannotRead(manifest, e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // not when the outcome is unknown (a commit whose answer was lost may have committed): files of a
                // recorded revision gone would not come back, the day being no longer stale (review)
                if (status == STATUS_ROLLED_BACK) {
                    for (Path file : files) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException e) {
                            // the next render of this revision writes it again, from figures then recorded
                        }
                    }
                    try {
                        if (manifestBefore == null) {
                            Files.deleteIfExists(manifest);
                        } else {
                            AtomicFiles.write(manifest, out -> out.write(manifestBefore));
                        }
                    } catch (IOException e) {
                        // as above: the next render of the period writes the manifest again
                    }
                }
            }
        });
    }

    /** @param published the file of the published revision to copy instead of rendering a file, or null */
    private void write(BulletinData revised, Path folder, List<Path> files, UnaryOperator<Path> published) {
        try {
            // the caller holds this period's lock: a temporary file here is one a killed render left behind
            AtomicFiles.prepareFolder(folder);
            for (Path file : files) {
                Path copy = published.apply(file);
                // a file is missing here, so its namesake, when there is one, is in the other folder
                if (copy != null && Files.isRegularFile(copy)) {
                    AtomicFiles.write(file, stream -> copy(copy, stream));
                } else if (file.getFileName().toString().endsWith(".pdf")) {
                    AtomicFiles.write(file, stream -> pdf.write(revised, stream));
                } else {
                    AtomicFiles.write(file, stream -> workbook.write(revised, stream));
                }
            }
        } catch (IOException e) {
            throw new org.fraudstats.storage.CannotWrite(folder, e);
        }
        Manifest.write(folder, revised, revisions.of(revised.kind(), revised.from(), revised.to()), revised.provenance().generatedAt());
    }

    /**
     * The published file's bytes into the new one: a failure to read the published file is said as such, one to write
     * as the folder's; as one IOException, a published copy that could not be read (permission denied) was reported as
     * the other output folder that could not be written.
     */
    static void copy(Path published, java.io.OutputStream into) throws IOException {
        java.io.InputStream in;
        try {
            in = Files.newInputStream(published);
        } catch (IOException e) {
            throw new org.fraudstats.storage.CannotRead(published, e);
        }
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (IOException e) {
                    throw new org.fraudstats.storage.CannotRead(published, e);
                }
                if (read < 0) {
                    return;
                }
                into.write(buffer, 0, read);
            }
        }
    }

    private static String period(BulletinData data) {
        return data.kind().period(data.from(), data.to());
    }

    private static Path folder(BulletinData data, Path out) {
        return out.resolve(data.kind().key()).resolve(period(data));
    }

    /** The files of the formats asked, PDF first: …-2022-10-21.pdf for a first revision, …-2022-10-21.r2.pdf after. */
    private static List<Path> files(BulletinData data, Path folder, Set<Format> formats, int revision) {
        String base = "fraudstats-" + data.kind().key() + "-" + period(data) + (revision > 1 ? ".r" + revision : "");
        List<Path> files = new ArrayList<>();
        if (formats.contains(Format.pdf)) {
            files.add(folder.resolve(base + ".pdf"));
        }
        if (formats.contains(Format.xlsx)) {
            files.add(folder.resolve(base + ".xlsx"));
        }
        return files;
    }

    /** Every published revision of the bulletins whose period overlaps [from, to], oldest period first. */
    public List<Revision> revisions(LocalDate from, LocalDate to) {
        return revisions.overlapping(from, to);
    }

    /** The latest revision of the newest daily bulletin, if any was published. */
    public java.util.Optional<Revision> latestDaily() {
        return revisions.latestDaily();
    }

    /** What one job execution (a rerun, a night) published, oldest period first. */
    public List<Revision> publishedBy(long jobExecutionId) {
        return revisions.ofExecution(jobExecutionId);
    }

    /** The days read by the bulletin whose records changed since its latest revision was rendered, oldest first. */
    public List<LocalDate> changedSinceLatest(BulletinKind kind, LocalDate from, LocalDate to) {
        return revisions.changedSinceLatest(kind, from, to);
    }

    /** Of each bulletin, as above in one query, by BulletinKind.folder (daily/2022-10-24); absent when none changed. */
    public Map<String, List<LocalDate>> changedSinceLatest(List<Map.Entry<BulletinKind, org.fraudstats.bulletin.ReadDays.Span>> bulletins) {
        return revisions.changedSinceLatest(bulletins);
    }

    /** The figures a published revision printed (its snapshot, as text), or empty when there is no such revision. */
    public Optional<String> printed(BulletinKind kind, LocalDate from, LocalDate to, int revision) {
        return revisions.figures(kind, from, to, revision);
    }
}
