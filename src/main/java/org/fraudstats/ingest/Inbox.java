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

/** The drops under an inbox folder, in date order; folders not named by a date are skipped with a warning. */
final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private Inbox() {
    }

    public static List<Drop> drops(Path inbox, LocalDate from, LocalDate to) {
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
