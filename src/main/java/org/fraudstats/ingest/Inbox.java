package org.fraudstats.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drops under an inbox folder, in date order; folders not named by a date, or named by a day that has not come
 * (after today in Asia/Shanghai), are skipped with a warning. A drop of 2099 (a mistyped folder) would otherwise
 * outrank every later drop: by rule 2 of feeds.md no later correction of its records could ever replace them.
 */
public final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private Inbox() {
    }

    public static List<Drop> drops(Path inbox, LocalDate from, LocalDate to, LocalDate today) {
        return drops(inbox, from, to, today, Inbox::logged);
    }

    /**
     * @param skipped told why each entry passed by is not loaded: `ingest` says it in its own warning lines (a log
     *                line of Inbox's, timestamped, read as noise: r36c), the night and serve log it
     */
    public static List<Drop> drops(Path inbox, LocalDate from, LocalDate to, LocalDate today, java.util.function.Consumer<String> skipped) {
        return drops(inbox, from, to, today, path -> Files.readAttributes(path, BasicFileAttributes.class), skipped);
    }

    static void logged(String skipped) {
        log.warn(skipped);
    }

    static List<Drop> drops(Path inbox, LocalDate from, LocalDate to, LocalDate today, Drop.Attributes attributes) {
        return drops(inbox, from, to, today, attributes, Inbox::logged);
    }

    /**
     * Why a folder typed as --inbox cannot be the inbox, said after its name, or empty when it can: not there, not a folder,
     * or a drop itself (a feed file at its top and no dated folder: `--inbox /srv/inbox/2022-11-02`, an easy slip, found
     * "no drops" with exit 0, and a night published the day as 数据未到 and mailed it: review 30).
     */
    public static Optional<String> whyNotAnInbox(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return Optional.of(Files.exists(inbox) ? ": not a folder" : ": no such folder");
        }
        String feedFile = null;
        try (java.nio.file.DirectoryStream<Path> children = Files.newDirectoryStream(inbox)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (dateOf(child) != null && Files.isDirectory(child)) {
                    return Optional.empty();
                }
                for (Feed feed : Feed.values()) {
                    if (name.equalsIgnoreCase(feed.fileName()) && Files.isRegularFile(child)) {
                        feedFile = name;
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // said by the listing of its drops, which names the folder and the problem
        }
        // its parent is named only when it is a dated folder: a flat export elsewhere (/tmp/export) has no inbox above it
        Path whole = inbox.toAbsolutePath().normalize();
        Path parent = whole.getFileName() == null || dateOf(whole) == null ? null : whole.getParent();
        return feedFile == null ? Optional.empty() : Optional.of(" is a drop, not an inbox (it holds " + feedFile + "): give the folder "
                + "that holds the drops' dated folders" + (parent == null ? "" : ", " + parent));
    }

    /** Like a drop's folder, an inbox that can be listed but not searched fails: its folders looked like files. */
    static List<Drop> drops(Path inbox, LocalDate from, LocalDate to, LocalDate today, Drop.Attributes attributes,
                            java.util.function.Consumer<String> skipped) {
        // not whyNotAnInbox: a configured inbox (the schedule's) holding stray files at its top is still one, read as
        // 数据未到 until its drops come; only a typed --inbox is a typing error to refuse (review 30b)
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("--inbox " + inbox + ": no such folder");
        }
        List<Drop> drops = new ArrayList<>();
        try (Stream<Path> children = Files.list(inbox)) {
            for (Path child : children.sorted().toList()) {
                LocalDate date = dateOf(child);
                boolean asked = date == null || (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
                if (!isFolder(child, attributes)) {
                    // a file named as a day is most likely an export put beside its folder, not in it (r37a: passed by
                    // without a word)
                    if (date != null && asked && Files.exists(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        skipped.accept("skipping " + child + ": a file, not a folder: a drop is a folder of CSV files");
                    }
                    continue;
                }
                if (date == null) {
                    String name = child.getFileName().toString();
                    skipped.accept("skipping " + child + (name.matches("\\.\\d{4}-\\d{2}-\\d{2}\\.partial")
                            ? ": a drop `generate` is writing, or left unfinished when stopped (it goes at its next run)"
                            : ": folder name is not a date (YYYY-MM-DD)"));
                    continue;
                }
                if (!asked) {
                    continue; // outside the dates asked for: not looked at, nor warned about
                }
                if (date.isAfter(today)) {
                    skipped.accept("skipping " + child + ": a drop of a day that has not come (today is " + today + " in "
                            + "Asia/Shanghai); loaded, its records could never be corrected by a later drop: rename the folder");
                    continue;
                }
                drops.add(new Drop(date, child));
            }
        } catch (IOException e) {
            throw UnreadableFileException.cannotRead(inbox, e);
        }
        drops.sort(Comparator.comparing(Drop::date));
        return drops;
    }

    /**
     * A link to a folder counts as one here: dated, its drop refuses it by name (Drop.feeds). A dated entry that
     * cannot be looked at (the inbox can be listed but not searched) fails: Files.isDirectory said false, and
     * every drop was skipped without a word.
     */
    private static boolean isFolder(Path child, Drop.Attributes attributes) {
        try {
            return attributes.of(child).isDirectory();
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            if (dateOf(child) == null) {
                return false;
            }
            throw UnreadableFileException.cannotRead(child, e);
        }
    }

    private static LocalDate dateOf(Path folder) {
        if (folder.getFileName() == null) {
            return null; // the file system's root (--inbox /)
        }
        String name = folder.getFileName().toString();
        if (!name.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(name);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
