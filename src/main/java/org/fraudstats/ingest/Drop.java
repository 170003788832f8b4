package org.fraudstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
public record Drop(LocalDate date, Path folder) {

    public List<Feed> feeds() {
        List<Feed> present = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            if (Files.isRegularFile(folder.resolve(feed.fileName()))) {
                present.add(feed);
            }
        }
        return present;
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
        try (InputStream in = Files.newInputStream(file)) {
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
