package org.fraudstats.bulletin.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.SampleBulletins;
import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * A revision's note (the list of what changed, then the provenance) grows with the changes. The PDF exporter broke
 * its lines otherwise than the fill had measured them, so for some lengths the text needed one line more than its
 * field had grown by, and the last line was dropped without a sign: `生成时间：2026年12月` (tester A; before the fix, 2 of
 * the 60 lengths here, 18 and 42 changes, and 13 of 150).
 */
class RevisionNotePdfTest {

    @Test
    void everyLengthOfTheListOfChangesIsPrintedWhole() throws Exception {
        BulletinPdf pdf = new BulletinPdf(Catalog.foshan());
        String[] areas = {"禅城区", "南海区", "顺德区", "高明区", "三水区", "佛山市"};
        String[] metrics = {"电诈警情", "案损金额", "止付账户", "止付金额", "止付中位时长（分钟）"};
        List<Integer> cut = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
            int i = n - 1;
            changes.add(areas[i % 6] + " " + metrics[(i / 6) % 5] + " " + (1000 + i * 37) + "." + (i % 100) + " → " + (5000 + i * 91));
            BulletinData data = SampleBulletins.range().withRevision(2, List.copyOf(changes), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.write(data, out);
            String text;
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            }
            if (!text.contains(changes.get(i).replaceAll("\\s+", "") + "。注：") || !text.contains("（北京时间）。")) {
                cut.add(n);
            }
        }
        assertThat(cut).as("numbers of changes whose note lost its end").isEmpty();
    }
}
