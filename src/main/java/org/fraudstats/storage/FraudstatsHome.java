package org.fraudstats.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.fraudstats.settings.FraudstatsSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * $FRAUDSTATS_HOME (default ~/.fraudstats): the embedded database and its password, the account key and the
 * default output. It is the owner's alone (0700): bulletins are embargoed until published and the keys must
 * not leak, so a home found open to other users is closed on first use.
 */
@Component
public class FraudstatsHome {

    private static final Logger log = LoggerFactory.getLogger(FraudstatsHome.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final Path out;
    private volatile boolean ready;

    @Autowired
    public FraudstatsHome(FraudstatsSettings settings) {
        this.root = settings.home();
        this.out = settings.out();
    }

    FraudstatsHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.out = this.root.resolve("out");
    }

    public Path root() {
        if (!ready) {
            ensure(root);
            ready = true;
        }
        return root;
    }

    public Path resolve(String child) {
        return root().resolve(child);
    }

    /** Where bulletins go unless a command names a folder: FRAUDSTATS_OUT, by default HOME/out. */
    public Path defaultOut() {
        root();
        return out;
    }

    /** A home made, or closed, as a command makes it (bench, whose throwaway homes are made inside the real one). */
    public static Path ownerOnly(Path home) throws IOException {
        return ownerOnlyFolder(home);
    }

    /** A folder only its owner can enter, created if missing (with any missing parent, also owner-only). */
    static Path ownerOnlyFolder(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createDirectories(dir, ownerOnly);
        }
        requireOwn(dir);
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        if (!now.equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
            if (now.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                log.warn("{} was open to other users ({}); closed to rwx------", dir, PosixFilePermissions.toString(now));
            }
        }
        return dir;
    }

    /**
     * Refuses a folder another user owns, or one another user can take away: closed to rwx------, a folder of another
     * user's stayed theirs, who could open it again, and a cache another user had made held programs root then ran
     * (review 32b); a folder of ours inside a folder another user owns, or can write into without the sticky bit (a
     * shared XDG_CACHE_HOME), could be renamed away after this check and another put in its place, whose programs
     * serve's watch then ran as root (review 32c). So the folder itself (where a link leads: a link an administrator
     * made to a folder of ours is fine) is ours, every folder above it is ours or root's and writable by no one else
     * unless sticky (/tmp), and every link on the way as given is ours or root's ({@link #requireSafeAbove}). Linux:
     * this process's uid is /proc/self's owner.
     */
    static void requireOwn(Path dir) throws IOException {
        Path self = Path.of("/proc/self");
        if (!posix(dir) || !Files.exists(self)) {
            return;
        }
        Object mine = Files.getAttribute(self, "unix:uid");
        Path real = dir.toRealPath();
        if (!mine.equals(Files.getAttribute(real, "unix:uid"))) {
            throw new IOException("it belongs to " + Files.getOwner(real).getName() + ", not to this user ("
                    + Files.getOwner(self).getName() + "): use a folder of your own");
        }
        for (Path above = real.getParent(); above != null; above = above.getParent()) {
            requireSafeAbove(above, mine);
        }
        // and every link on the way as given, which every later use goes through: a link another user owns, or in a
        // folder they can write into, could be pointed elsewhere after this check (review 32d)
        Path given = dir.toAbsolutePath().normalize();
        for (int i = 1; i <= given.getNameCount(); i++) {
            Path step = given.getRoot().resolve(given.subpath(0, i));
            if (Files.isSymbolicLink(step)) {
                Object owner = Files.getAttribute(step, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (!owner.equals(mine) && !Integer.valueOf(0).equals(owner)) {
                    throw new IOException("the link " + step + " belongs to " + Files.getOwner(step, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName()
                            + ", who could point it elsewhere: use a folder, or a link, of your own");
                }
                // the folder it lies in, and every one above that: its parent alone let a folder above be renamed
                // away with the link in it (review 32e)
                for (Path above = step.getParent().toRealPath(); above != null; above = above.getParent()) {
                    requireSafeAbove(above, mine);
                }
            }
        }
    }

    /**
     * A folder above ours: ours or root's, not writable by everyone unless sticky (/tmp), nor by its group unless it is
     * ours (homes are 775 where each user has a group of their own; a group folder of root's 2775 is not: review 32d).
     */
    private static void requireSafeAbove(Path above, Object mine) throws IOException {
        Object owner = Files.getAttribute(above, "unix:uid");
        if (!owner.equals(mine) && !Integer.valueOf(0).equals(owner)) {
            throw new IOException("the folder above it, " + above + ", belongs to " + Files.getOwner(above).getName()
                    + ", who could move it away and put another in its place: use a folder whose parents are yours or root's");
        }
        int mode = (Integer) Files.getAttribute(above, "unix:mode");
        boolean sticky = (mode & 01000) != 0;
        if (!sticky && ((mode & 0002) != 0 || (mode & 0020) != 0 && !owner.equals(mine))) {
            throw new IOException("the folder above it, " + above + ", is writable by " + ((mode & 0002) != 0 ? "every user" : "its group")
                    + ", who could move it away and put another in its place: use a folder whose parents only you or root can write into");
        }
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void ensure(Path dir) {
        try {
            ownerOnlyFolder(dir);
        } catch (IOException e) {
            // in words: the JDK's message of a file in the way is the path alone, and the command printed that alone (tester B)
            throw new CannotWrite("FRAUDSTATS_HOME cannot be used:", dir, e);
        }
    }
}
