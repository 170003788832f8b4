package org.fraudstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One day's folder of CSV files. Its checksum covers the names and bytes of the feed files it holds, so the
 * same drop loaded again is recognised (and skipped), and a changed drop is a new load.
 */
record Drop(LocalDate date, Path folder) {

    /** A path's own attributes (a link's, not its target's); NoSuchFileException when nothing is there. */
    @FunctionalInterface
    interface Attributes {
        BasicFileAttributes of(Path path) throws IOException;
    }

    static final Attributes ON_DISK = path -> Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);

    /**
     * The feed files the drop holds. A symbolic link is refused, for the folder and for each file: followed, a
     * link to /etc was loaded as an empty drop, and a link to another day's file would load it twice. Anything else
     * under a feed's name that is not a regular file (a folder, a pipe) is refused too rather than skipped.
     */
    public List<Feed> feeds() {
        return feeds(ON_DISK);
    }

    /**
     * Only a file that is not there is absent: Files.exists and isRegularFile answer false when the folder cannot be
     * searched (permission denied), and such a drop loaded as an empty one, exit 0, and counted as arrived.
     */
    List<Feed> feeds(Attributes attributes) {
        refuseGone(attributes);
        List<Feed> present = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            Path file = folder.resolve(feed.fileName());
            BasicFileAttributes found;
            try {
                found = attributes.of(file);
            } catch (NoSuchFileException absent) {
                continue;
            } catch (AccessDeniedException e) {
                // a file's own permissions do not stop a look-up; its folder's do
                throw UnreadableFileException.cannotRead(folder, e);
            } catch (IOException e) {
                throw UnreadableFileException.cannotRead(file, e);
            }
            if (found.isSymbolicLink()) {
                throw linkRefused(file);
            }
            if (!found.isRegularFile()) {
                throw new UnreadableFileException(file, "not a regular file");
            }
            present.add(feed);
        }
        refuseNamedInOtherLetters();
        return present;
    }

    /**
     * A feed file named in other letters (CASES.CSV, Cases.csv) is no feed file of feeds.md, and skipped it made the
     * drop an empty one: the night published every figure of the day as zero, and mailed it, where it says 数据未到
     * for a drop not there (tester). It fails the drop, naming the file and the name to give it.
     */
    private void refuseNamedInOtherLetters() {
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                for (Feed feed : Feed.values()) {
                    if (name.equalsIgnoreCase(feed.fileName()) && !name.equals(feed.fileName())) {
                        throw new UnreadableFileException(entry, "is not a feed file's name: feed files are named in lower case "
                                + "(" + feed.fileName() + "); rename it");
                    }
                }
            }
        } catch (IOException e) {
            // the folder's own problems are said where each feed file is looked up
        }
    }

    /**
     * The folder itself, first: one moved away between the inbox's listing and its turn (a provider renaming a new
     * version in, a share unmounted during a night's catch-up) had each feed file "not there", so it loaded as an empty
     * drop, exit 0, and its day counted as arrived: the night published zeros for it, where it says 数据未到 (review 30).
     */
    private void refuseGone(Attributes attributes) {
        BasicFileAttributes found;
        try {
            found = attributes.of(folder);
        } catch (NoSuchFileException gone) {
            throw new UnreadableFileException(folder, "is no longer there (moved away or unmounted since the inbox was listed); "
                    + "nothing of it was loaded");
        } catch (IOException e) {
            throw UnreadableFileException.cannotRead(folder, e);
        }
        if (found.isSymbolicLink()) {
            throw linkRefused(folder);
        }
        if (!found.isDirectory()) {
            throw new UnreadableFileException(folder, "is no longer a folder; nothing of it was loaded");
        }
    }

    private static UnreadableFileException linkRefused(Path path) {
        return new UnreadableFileException(path, "is a symbolic link; the inbox must hold the drops' folders and files themselves");
    }

    public Path file(Feed feed) {
        return folder.resolve(feed.fileName());
    }

    public String checksum() {
        java.util.Map<Feed, byte[]> files = new java.util.EnumMap<>(Feed.class);
        for (Feed feed : feeds()) {
            files.put(feed, sha256(file(feed)));
        }
        return checksum(files);
    }

    /** The drop's checksum from its feed files' SHA-256, in feed order: what {@link #checksum()} reads from disk. */
    static String checksum(java.util.Map<Feed, byte[]> files) {
        MessageDigest drop = sha256();
        for (Feed feed : Feed.values()) {
            if (files.containsKey(feed)) {
                drop.update(feed.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                drop.update(files.get(feed));
            }
        }
        return HexFormat.of().formatHex(drop.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (IOException e) {
            throw UnreadableFileException.cannotRead(file, e);
        }
    }
}
