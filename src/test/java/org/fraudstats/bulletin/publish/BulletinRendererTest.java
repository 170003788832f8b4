package org.fraudstats.bulletin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.pdf.BulletinPdfTest;
import org.fraudstats.bulletin.data.SampleBulletins;

class BulletinRendererTest {

    private static BulletinRenderer renderer;

    @TempDir
    Path folder;

    @BeforeAll
    static void compileTemplates() {
        renderer = new BulletinRenderer(Catalog.foshan());
    }

    @Test
    void shouldReplaceAnEarlierFileAndLeaveNoTemporaryFileBehind() throws Exception {
        Path pdf = folder.resolve("bulletin.pdf");
        Path xlsx = folder.resolve("bulletin.xlsx");
        Files.writeString(pdf, "an earlier, shorter bulletin");
        renderer.writePdf(SampleBulletins.range(), pdf);
        renderer.writeXlsx(SampleBulletins.range(), xlsx);
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K');
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bulletin.pdf", "bulletin.xlsx");
        }
    }

    @Test
    void shouldRenderManyBulletinsAtOnceFromOneRenderer() throws Exception {
        Path serial = folder.resolve("serial.pdf");
        renderer.writePdf(SampleBulletins.daily(), serial);
        String expected = BulletinPdfTest.text(serial);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Path pdf = folder.resolve("parallel-" + i + ".pdf");
                Path xlsx = folder.resolve("parallel-" + i + ".xlsx");
                texts.add(pool.submit(() -> {
                    renderer.writePdf(SampleBulletins.daily(), pdf);
                    renderer.writeXlsx(SampleBulletins.daily(), xlsx);
                    return BulletinPdfTest.text(pdf);
                }));
            }
            for (Future<String> text : texts) {
                assertThat(text.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldRefuseATitleTheFontCannotDrawAndWriteNothing() {
        BulletinData data = SampleBulletins.range();
        BulletinData rare = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), "关于𠀀的通报", data.summary(),
                data.areas(), data.yoyBase(), data.popBase(), data.fraudTypes(), data.days(), data.ytd(), data.ytdLastYear(),
                data.provenance());
        Path pdf = folder.resolve("rare.pdf");
        assertThatThrownBy(() -> renderer.writePdf(rare, pdf)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("𠀀");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void shouldRefuseAnAreaWithoutItsBaseRatherThanPrintNoChange() {
        BulletinData data = SampleBulletins.range();
        List<AreaFigures> yoyWithoutChancheng = data.yoyBase().subList(1, data.yoyBase().size());
        BulletinData gap = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), data.title(), data.summary(),
                data.areas(), yoyWithoutChancheng, data.popBase(), data.fraudTypes(), data.days(), data.ytd(),
                data.ytdLastYear(), data.provenance());
        assertThatThrownBy(() -> renderer.writeXlsx(gap, folder.resolve("gap.xlsx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("440604");
        assertThat(folder.resolve("gap.xlsx")).doesNotExist();
    }
}
