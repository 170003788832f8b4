package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

/** The failed write is what a render says, whatever the writer does with it (a full disk named as such). */
class FirstWriteFailureTest {

    private static final OutputStream FULL_DISK = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @Test
    void aWriterThatWrapsTheFailureGivesTheFailureWithItsOwnAsSuppressed() {
        assertThatThrownBy(() -> FirstWriteFailure.write(FULL_DISK, out -> {
            try {
                out.write(1);
            } catch (IOException e) {
                throw new IllegalStateException("could not save the document", e);
            }
        })).isInstanceOf(IOException.class).hasMessage("No space left on device")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void aWriterThatLetsTheFailureThroughGivesIt() {
        // it threw "Self-suppression not permitted", and the full disk was lost (review)
        assertThatThrownBy(() -> FirstWriteFailure.write(FULL_DISK, out -> out.write(1)))
                .isInstanceOf(IOException.class).hasMessage("No space left on device")
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    }

    @Test
    void aWriterThatSwallowsTheFailureStillGivesIt() {
        assertThatThrownBy(() -> FirstWriteFailure.write(FULL_DISK, out -> {
            try {
                out.write(1);
            } catch (IOException ignored) {
                // as a library that logs and goes on
            }
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");
    }
}
