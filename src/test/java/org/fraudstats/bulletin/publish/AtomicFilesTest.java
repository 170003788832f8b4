package org.fraudstats.bulletin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader of the output folder sees a bulletin file whole or not at all. */
class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void shouldReplaceAnEarlierFileAndLeaveNoTemporaryFileBehind() throws Exception {
        Path pdf = folder.resolve("bulletin.pdf");
        Files.writeString(pdf, "an earlier, shorter bulletin");
        AtomicFiles.write(pdf, out -> out.write("%PDF-1.4 the new bulletin".getBytes(StandardCharsets.US_ASCII)));
        assertThat(pdf).hasContent("%PDF-1.4 the new bulletin");
        assertThat(names()).containsExactly("bulletin.pdf");
    }

    @Test
    void shouldKeepTheEarlierFileWhenWritingFailsHalfWay() throws Exception {
        Path xlsx = folder.resolve("bulletin.xlsx");
        Files.writeString(xlsx, "the published workbook");
        assertThatThrownBy(() -> AtomicFiles.write(xlsx, out -> {
            out.write("PK half a workbook".getBytes(StandardCharsets.US_ASCII));
            throw new IllegalArgumentException("no 同比 base row for area 440604");
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("440604");
        assertThat(xlsx).hasContent("the published workbook");
        assertThat(names()).containsExactly("bulletin.xlsx");
    }

    @Test
    void shouldWriteNothingWhenTheFirstWriteFails() throws Exception {
        Path pdf = folder.resolve("rare.pdf");
        assertThatThrownBy(() -> AtomicFiles.write(pdf, out -> {
            throw new IllegalArgumentException("the title has characters the bulletin font cannot draw: 𠀀");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(pdf).doesNotExist();
        assertThat(names()).isEmpty();
    }

    private java.util.List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
