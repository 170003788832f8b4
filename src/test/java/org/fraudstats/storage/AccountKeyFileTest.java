package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** account.key made once: processes starting together on a new home all end with the key the file holds. */
class AccountKeyFileTest {

    @TempDir
    Path homes;

    @Test
    void startersRacingOnANewHomeAllUseTheKeyTheFileHolds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int home = 0; home < 40; home++) {
                Path file = Files.createDirectory(homes.resolve("home" + home)).resolve("account.key");
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<AccountKey.Made>> starters = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    starters.add(pool.submit(() -> {
                        together.await();
                        return AccountKey.keyFile(file);
                    }));
                }
                List<String> used = new ArrayList<>();
                int made = 0;
                for (Future<AccountKey.Made> starter : starters) {
                    used.add(new String(starter.get().material(), StandardCharsets.UTF_8));
                    made += starter.get().madeNow() == null ? 0 : 1;
                }
                assertThat(used).containsOnly(Files.readString(file).trim());
                // one of them made the file the others read
                assertThat(made).isOne();
                try (var left = Files.list(file.getParent())) {
                    assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary key left")
                            .containsExactlyInAnyOrder("account.key", "account.key.unconfirmed");
                }
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
