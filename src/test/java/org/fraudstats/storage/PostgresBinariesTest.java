package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL's programs, unpacked once per version into the user's cache. */
class PostgresBinariesTest {

    /**
     * Two first commands at once both unpack; the one whose rename comes second finds the other's tree there and uses
     * it. On Linux that rename fails ENOTEMPTY, reported as a plain FileSystemException, and the command failed (r34a).
     */
    @Test
    void theSecondOfTwoUnpacksAtOnceUsesTheFirstsTree(@TempDir Path cache) throws Exception {
        Path root = cache.resolve("postgres-test");
        PostgresBinaries.unpack(root);
        assertThat(root.resolve("bin/postgres")).isExecutable();

        PostgresBinaries.unpack(root);

        assertThat(root.resolve("bin/postgres")).isExecutable();
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).containsExactly(root);
        }
    }
}
