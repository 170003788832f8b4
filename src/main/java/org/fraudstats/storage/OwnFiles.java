package org.fraudstats.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
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
                if (Files.isSymbolicLink(p) || !Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(me)) {
                    return false;
                }
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
