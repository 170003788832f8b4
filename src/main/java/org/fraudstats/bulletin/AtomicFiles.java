package org.fraudstats.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that a reader (a mail job, a web server, a person double-clicking) never opens half of it:
 * the bytes go to a hidden file in the same folder, which is then renamed over the target in one step.
 * Same folder, because a rename is only atomic within one file system.
 */
final class AtomicFiles {

    interface Writer {
        void write(OutputStream out) throws Exception;
    }

    private AtomicFiles() {
    }

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: it creates the file owner-only (0600), and the bulletin must stay readable
        // by whoever reads the output folder.
        Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not write " + absolute + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
