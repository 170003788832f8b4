package org.fraudstats.bulletin.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.fraudstats.storage.DurableFiles;
import org.fraudstats.storage.GroupReadable;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a file so that a reader (a mail job, a web server, a person double-clicking) never opens half of it:
 * the bytes go to a hidden file in the same folder, which is then renamed over the target in one step.
 * Same folder, because a rename is only atomic within one file system.
 * <p>
 * Bulletins are embargoed until published: files are readable by their owner and group only (0640), folders
 * are created 0750, so a deployment shares them by the output folder's group and nobody else reads them.
 */
final class AtomicFiles {

    interface Writer {
        void write(OutputStream out) throws Exception;
    }

    private static final FileAttribute<?> FILE_MODE = PosixFilePermissions.asFileAttribute(GroupReadable.FILE);
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    /** ".{target name}.{uuid}.tmp", the temporary name below: what a writer killed mid-file leaves behind. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

    private AtomicFiles() {
    }

    /**
     * Creates the folder (and missing parents) 0750 and removes the temporary files a writer killed in it left
     * behind. Only while nobody else writes into this folder: the caller holds the lock of its days.
     */
    static void prepareFolder(Path folder) throws IOException {
        createFolder(folder);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, p -> LEFTOVER.matcher(p.getFileName().toString()).matches())) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        createFolder(folder);
        Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = create(temp)) {
                writer.write(Channels.newOutputStream(channel));
                // on the disk before its name is, and its name after: the revision naming it commits next, and a power
                // cut otherwise could leave it empty, served and mailed as published, with nothing to write it again
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DurableFiles.syncFolder(folder);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // a render that failed (JasperReports' JRException) is no write error: as an IOException it was reported
            // as the disk's ("cannot write …"; review)
            throw new IllegalStateException("could not render " + absolute.getFileName() + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileChannel create(Path file) throws IOException {
        if (posix(file)) {
            FileChannel channel = FileChannel.open(file, CREATE_NEW, FILE_MODE);
            try {
                GroupReadable.file(file);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        return FileChannel.open(file, CREATE_NEW);
    }

    private static void createFolder(Path folder) throws IOException {
        GroupReadable.folders(folder);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
