package org.fraudstats.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two paths name one file or folder: under another spelling (`inbox/.`, a relative path, a share reached
 * through a link) it is the same place. The loader asks it of a drop's folder (a put-back through another spelling was
 * taken for another folder's: review 28c), the publisher of an output folder (the home's own, whose files it never
 * replaces).
 */
public final class SamePlace {

    private SamePlace() {
    }

    public static boolean of(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException goneOrUnreadable) {
            // one of them is not there (or cannot be read): the same only by name
            return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
        }
    }
}
