package org.fraudstats.bulletin.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's stop lets a night under way finish (README): a render it found exporting failed with "IllegalStateException:
 * Shutdown in progress" (r38f), as ImageIO's cache file registers a shutdown hook at its first use, which a JVM
 * already shutting down refuses. Only a JVM of its own can shut down in a test.
 */
class StoppingProcessRendersTest {

    @TempDir
    Path folder;

    @Test
    void aDailyRenderedWhileTheProcessStopsIsWrittenWhole() throws Exception {
        Path pdf = folder.resolve("daily.pdf");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + folder, "-cp", System.getProperty("java.class.path"),
                RenderedWhileStopping.class.getName(), pdf.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("rendered").doesNotContain("failed");
        assertThat(BulletinPdfTest.text(pdf)).contains("电信网络诈骗警情日报", "2022年10月24日全市电信网络诈骗警情", "禅城区 3 402,118.50", "高明区 1 5,300.00");
    }
}
