package org.fraudstats.web.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Revision;
import org.fraudstats.storage.FraudstatsHome;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published bulletins as the portal lists and serves them: every revision recorded in bulletin_revision, newest
 * first, with its files in the output layout of the bulletin module (OUT/daily/2022-10-23/fraudstats-daily-2022-10-23.pdf,
 * OUT/range/FROM_TO/…, a later revision as ….r2.pdf beside the first). A file is found from its period, kind and
 * revision alone, never from a name the client sends, so no path the client writes reaches the disk.
 */
@Service
public class BulletinArchive {

    /** A day (2022-10-23) or a range (2022-10-01_2022-10-31), as the folders name a bulletin's period. */
    private static final Pattern PERIOD = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:_(\\d{4}-\\d{2}-\\d{2}))?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final BulletinPublisher publisher;
    private final FraudstatsHome home;

    BulletinArchive(BulletinPublisher publisher, FraudstatsHome home) {
        this.publisher = publisher;
        this.home = home;
    }

    /** Every revision of the bulletins whose period overlaps [from, to], newest period first, latest revision first. */
    public List<PublishedBulletin> list(LocalDate from, LocalDate to) {
        return publisher.revisions(from, to).stream().map(this::bulletin)
                .sorted(Comparator.comparing(PublishedBulletin::to).reversed()
                        .thenComparing(PublishedBulletin::from, Comparator.reverseOrder())
                        .thenComparing(PublishedBulletin::revision, Comparator.reverseOrder()))
                .toList();
    }

    /** The latest revision of the newest daily bulletin, if any was ever published. */
    public Optional<PublishedBulletin> latestDaily() {
        return publisher.latestDaily().map(this::bulletin);
    }

    /** What one execution of a rerun published: corrections first, then first publications, each oldest period first. */
    public List<PublishedBulletin> publishedBy(long jobExecutionId) {
        return publisher.publishedBy(jobExecutionId).stream().map(this::bulletin).toList();
    }

    /** Every revision of one bulletin (its period and kind), latest first. */
    public List<PublishedBulletin> revisions(String period, String kind) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            return List.of();
        }
        // 2022-02-30 has the shape of a date: refused as bad input (400, one line), not a parse failure (500 and a trace)
        LocalDate from = Inputs.date("date", m.group(1));
        LocalDate to = m.group(2) == null ? from : Inputs.date("date", m.group(2));
        return list(from, to).stream()
                .filter(b -> b.from().equals(from) && b.to().equals(to) && b.kindName().equals(kind)).toList();
    }

    /** The one revision (latest when {@code revision} is null), or empty when there is no such bulletin. */
    public Optional<PublishedBulletin> find(String period, String kind, Integer revision) {
        return revisions(period, kind).stream().filter(b -> revision == null || b.revision() == revision).findFirst();
    }

    /** The file of a revision in a format, when it was rendered in that format and is still on disk. */
    public Optional<Path> file(PublishedBulletin bulletin, BulletinPublisher.Format format) {
        Optional<Path> here = file(home.defaultOut(), bulletin, format);
        if (here.isPresent() || bulletin.publishedInto() == null) {
            return here;
        }
        // published by `rerun --out DIR`: its files are there, not here; the archive listed the revision with no file
        // and answered 404 "was not rendered" for a file that was (tester). Served only when nobody else could have
        // put it there: that folder may be one anybody writes into, where a forged PDF, or a link to account.key,
        // would be handed to every signed-in user (review)
        Path there = Path.of(bulletin.publishedInto());
        return file(there, bulletin, format).filter(file -> org.fraudstats.storage.OwnFiles.nobodyElseWrites(there, file, home.root()));
    }

    private static Optional<Path> file(Path out, PublishedBulletin bulletin, BulletinPublisher.Format format) {
        String key = bulletin.kind().key();
        String base = "fraudstats-" + key + "-" + bulletin.period() + (bulletin.revision() > 1 ? ".r" + bulletin.revision() : "");
        Path file = out.resolve(key).resolve(bulletin.period()).resolve(base + "." + format.name()).normalize();
        return file.startsWith(out) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The file's sha256 in hex, read in blocks (a bulletin's ETag). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PublishedBulletin bulletin(Revision r) {
        String period = r.kind().period(r.from(), r.to());
        return new PublishedBulletin(r.kind(), period, r.from(), r.to(), r.revision(), r.generatedAt(),
                JSON.readValue(r.changesJson(), STRINGS), r.missingNote(), r.outFolder());
    }

    /** What a page says when no bulletin of that kind, period and revision was published: 没有 2022-11-15 的日报。 */
    public static String noSuchBulletin(String period, String kind, Integer revision) {
        String name = switch (kind) {
            case "daily" -> "日报";
            case "weekly" -> "周报";
            case "monthly" -> "月报";
            case "range" -> "区间通报";
            default -> "“" + Inputs.printable(kind) + "”通报（应为 daily、weekly、monthly 或 range）";
        };
        return "没有已发布的 " + Inputs.printable(period).replace("_", " 至 ") + " 的" + name + (revision == null ? "" : "第" + revision + "版") + "。";
    }

    /** The kind as web.md names it: daily, weekly, monthly or range. */
    static String kindName(BulletinKind kind) {
        return kind.publicName();
    }
}
