package org.fraudstats.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a bulletin's file in a folder other than the home's own (`rerun --out DIR`) may be handed out: served by the
 * portal, attached to a mail. That folder may be one anybody writes into, where a forged PDF, or a link to account.key,
 * would go to every signed-in user or every recipient (reviews).
 */
public final class OwnFiles {

    private OwnFiles() {
    }

    /**
     * The file is a regular file, no link, and it and every folder from {@code out} down to it belong to the owner of
     * {@code home} (the user this process runs as) and are written by nobody else (no group or other write).
     */
    public static boolean nobodyElseWrites(Path out, Path file, Path home) {
        try {
            UserPrincipal me = Files.getOwner(home);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            for (Path p = file; p != null && p.startsWith(out); p = p.getParent()) {
                if (whyNotOwn(p, me).isPresent()) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Why the files a rerun writes into {@code folder} will be neither served nor mailed, said before the rerun
     * (`rerun --out`): empty when the folder is the home owner's own, or not there yet (the rerun makes it, as this user's).
     */
    public static Optional<String> whyNotHandedOut(Path folder, Path home) {
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            UserPrincipal me = Files.getOwner(home);
            Optional<String> top = whyNotOwn(folder, me);
            if (top.isPresent()) {
                return top;
            }
            // and the folders the rerun writes into, kind and period (daily/2022-10-20): a daily/ that is a link, or
            // open to all, had the files written through it and never served, without a word (tester)
            try (java.util.stream.Stream<Path> below = Files.walk(folder, 2)) {
                for (Path p : (Iterable<Path>) below.filter(p -> !p.equals(folder))
                        .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))::iterator) {
                    Optional<String> why = whyNotOwn(p, me);
                    if (why.isPresent()) {
                        return Optional.of("holds " + folder.relativize(p) + ", which " + why.get());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | java.io.UncheckedIOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The one test of a file or folder on the way: no link, this user's, written by nobody else. */
    private static Optional<String> whyNotOwn(Path p, UserPrincipal me) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return Optional.of("is a symbolic link");
        }
        if (!Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(me)) {
            return Optional.of("belongs to another user");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("is writable by other users");
        }
        return Optional.empty();
    }
}
