package org.fraudstats.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** $FRAUDSTATS_HOME (default ~/.fraudstats): the embedded database, the account key and default output. */
@Component
public class FraudstatsHome {

    private final Path root;

    public FraudstatsHome(@Value("${fraudstats.home}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return ensure(root);
    }

    public Path resolve(String child) {
        return root().resolve(child);
    }

    public Path defaultOut() {
        return resolve("out");
    }

    private static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create FRAUDSTATS_HOME " + dir + ": " + e.getMessage(), e);
        }
    }
}
