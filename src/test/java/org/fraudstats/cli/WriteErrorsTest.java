package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.fraudstats.storage.CannotWrite;
import org.junit.jupiter.api.Test;

/** A file of ours that cannot be written is named in the command's one line, not only the system's reason (tester E). */
class WriteErrorsTest {

    @Test
    void aFullOutputFolderIsNamed_notOnlyTheDevice() {
        Path folder = Path.of("/srv/out/daily/2022-10-14");
        RuntimeException failure = new IllegalStateException("step failed",
                new CannotWrite(folder, new IOException("No space left on device")));

        assertThat(Cli.userMessage(failure)).isEqualTo("cannot write /srv/out/daily/2022-10-14: No space left on device");
    }

    /** "Java heap space" alone named neither memory nor the setting that gives more (r41b). */
    @Test
    void outOfMemoryIsSaidWithWhatGivesMore() {
        assertThat(Cli.userMessage(new RuntimeException(new OutOfMemoryError("Java heap space")))).isEqualTo(
                "out of memory (Java heap space): give the JVM more with FRAUDSTATS_JAVA_OPTS, e.g. FRAUDSTATS_JAVA_OPTS=-Xmx2g "
                        + "(the default is -Xmx1g)");
        // more heap mends neither threads nor metaspace: the advice is the heap's alone (review r41e)
        assertThat(Cli.userMessage(new RuntimeException(new OutOfMemoryError("unable to create native thread: possibly out of memory"))))
                .isEqualTo("out of memory (unable to create native thread: possibly out of memory)");
    }
}
