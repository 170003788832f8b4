package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/** Loading the sample drops a second time is a no-op: every figure of every day, and the rejects, stay the contract's. */
class SampleLoadedTwiceTest extends DatabaseTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void loadingTheSampleAgainChangesNothing() throws IOException {
        Run first = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("95 drops, 95 loaded");
        String before = cli("metrics", "--from", "2021-10-01", "--to", "2022-12-31", "--by", "day").out();

        Run again = cli("ingest", "--inbox", SAMPLE_INBOX.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("95 drops, nothing changed");
        assertThat(cli("metrics", "--from", "2021-10-01", "--to", "2022-12-31", "--by", "day").out()).isEqualTo(before);
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24").out())
                .isEqualTo(golden("expected-range-2022-10-01_2022-10-24.csv"));
        assertThat(cli("rejects").out().lines().count() - 1)
                .isEqualTo(Long.parseLong(golden("expected-rejects-count.txt").strip()));
    }

    private static String golden(String name) throws IOException {
        return Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
    }
}
