package org.fraudstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

    /**
     * The feed files the drop holds. A symbolic link is refused, for the folder and for each file: followed, a
     * link to /etc was loaded as an empty drop, and a link to another day's file would load it twice. Anything else
     * under a feed's name that is not a regular file (a folder, a pipe) is refused too rather than skipped.
     */
    public List<Feed> feeds() {
        refuseLink(folder);
        List<Feed> present = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            Path file = folder.resolve(feed.fileName());
            refuseLink(file);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                present.add(feed);
            } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnreadableFileException(file, "not a regular file");
            }
        }
        return present;
    }

    private static void refuseLink(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw new UnreadableFileException(path, "is a symbolic link; the inbox must hold the drops' folders and files themselves");
        }
    }

    public Path file(Feed feed) {
        return folder.resolve(feed.fileName());
    }

    public String checksum() {
        try {
            MessageDigest drop = MessageDigest.getInstance("SHA-256");
            for (Feed feed : feeds()) {
                drop.update(feed.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                drop.update(sha256(file(feed)));
            }
            return HexFormat.of().formatHex(drop.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (IOException e) {
            throw new UnreadableFileException(file, "cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
