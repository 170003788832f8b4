package org.fraudstats.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * What a deployment shares with its output folder's group (a mail or web server): bulletins and their mails, 0640
 * in folders 0750. Set after creating, not asked at creation: a mode asked at creation is narrowed by the process's
 * umask, and under umask 077 (a hardened server's) the group could read nothing (tester).
 */
public final class GroupReadable {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");

    private GroupReadable() {
    }

    /** Creates the folder and its missing parents, each created one 0750; those that existed are left as they are. */
    public static Path folders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (!posix(absolute)) {
            return Files.createDirectories(absolute);
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        for (Path created : missing) {
            try {
                Files.setPosixFilePermissions(created, FOLDER);
            } catch (java.nio.file.FileSystemException notOurs) {
                // another user's process made it between our look and ours (review): its mode is theirs to choose
            }
        }
        return absolute;
    }

    /** Gives a file this process has just created the mode 0640. */
    public static void file(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
