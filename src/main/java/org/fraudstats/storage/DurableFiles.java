package org.fraudstats.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files the database comes to depend on (the home's passwords and account key, a published bulletin's PDF and
 * workbook) written so that a power cut cannot leave one empty or lose its name once a committed row relies on it:
 * the content is forced to the disk before the file takes its name, and the name (the folder's entry) is forced
 * after. Without the first, ext4 and xfs may keep the rename and lose the data (a zero-length postgres.password and
 * a home nobody can open; an empty PDF recorded as published, then mailed); without the second, a new account.key
 * could vanish while rows hashed with it stay committed.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** A new file readable by its owner alone, holding text, on the disk when this returns. */
    static void writeNew(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** The folder's entries (a rename or a link just made in it) on the disk. */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // a file system or platform that cannot sync a folder: nothing more can be done here
        }
    }

    /**
     * Whether the file holds a password as the home generates them (64 hex digits): missing, empty or filled with NUL
     * bytes (what a power cut under a version that did not force it leaves, on ext4 and xfs alike), it holds none.
     */
    static boolean holdsGeneratedPassword(Path file) throws IOException {
        return Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip().matches("[0-9a-f]{64}");
    }
}
