package org.fraudstats.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drops under an inbox folder, in date order; folders not named by a date, or named by a day that has not come
 * (after today in Asia/Shanghai), are skipped with a warning. A drop of 2099 (a mistyped folder) would otherwise
 * outrank every later drop: by rule 2 of feeds.md no later correction of its records could ever replace them.
 */
final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private Inbox() {
    }

    public static List<Drop> drops(Path inbox, LocalDate from, LocalDate to, LocalDate today) {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("--inbox " + inbox + ": no such folder");
        }
        List<Drop> drops = new ArrayList<>();
        try (Stream<Path> children = Files.list(inbox)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isDirectory(child)) {
                    continue;
                }
                LocalDate date = dateOf(child);
                if (date == null) {
                    log.warn("skipping {}: folder name is not a date (YYYY-MM-DD)", child);
                    continue;
                }
                if (date.isAfter(today)) {
                    log.warn("skipping {}: a drop of a day that has not come (today is {} in Asia/Shanghai); loaded, its "
                            + "records could never be corrected by a later drop: rename the folder", child, today);
                    continue;
                }
                if ((from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to))) {
                    drops.add(new Drop(date, child));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("--inbox " + inbox + ": " + e.getMessage(), e);
        }
        drops.sort(Comparator.comparing(Drop::date));
        return drops;
    }

    private static LocalDate dateOf(Path folder) {
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
