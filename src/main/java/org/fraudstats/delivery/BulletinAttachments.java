package org.fraudstats.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.OwnFiles;
import org.springframework.stereotype.Component;

/**
 * Where a revision's files are taken from for its mail, found as the portal finds them to serve: in the home's output
 * folder, else where its process wrote them when that is a folder nobody else writes into (a `rerun --out DIR` may be
 * one anybody writes into, where a link to account.key would be mailed to every recipient; review). A rerun of the
 * period writes the file into the home's folder, and the mail then goes (tester: it waited 6 hours on a folder it
 * could never read).
 */
@Component
class BulletinAttachments {

    private final FraudstatsHome home;

    BulletinAttachments(FraudstatsHome home) {
        this.home = home;
    }

    Optional<Path> find(String product, LocalDate from, LocalDate to, int revision, Path outFolder, String format) {
        String name = fileName(product, from, to, revision, format);
        Path own = folderOf(product, from, to, home.defaultOut()).resolve(name);
        if (Files.isRegularFile(own)) {
            return Optional.of(own);
        }
        Path there = folderOf(product, from, to, outFolder).resolve(name);
        return Files.isRegularFile(there) && OwnFiles.nobodyElseWrites(outFolder, there, home.root())
                ? Optional.of(there) : Optional.empty();
    }

    /** Whether the file is under the revision's own output folder at all (found or not): what a warning says. */
    static boolean inOutFolder(String product, LocalDate from, LocalDate to, int revision, Path outFolder, String format) {
        return Files.exists(folderOf(product, from, to, outFolder).resolve(fileName(product, from, to, revision, format)));
    }

    static String fileName(String product, LocalDate from, LocalDate to, int revision, String format) {
        return "fraudstats-" + MailedBulletin.layoutKind(product) + "-" + MailedBulletin.layoutPeriod(product, from, to)
                + (revision > 1 ? ".r" + revision : "") + "." + format;
    }

    /** A bulletin's folder under an output folder: OUT/daily/2022-10-24, OUT/range/2022-10-17_2022-10-23. */
    static Path folderOf(String product, LocalDate from, LocalDate to, Path out) {
        return out.resolve(MailedBulletin.layoutKind(product)).resolve(MailedBulletin.layoutPeriod(product, from, to));
    }
}
