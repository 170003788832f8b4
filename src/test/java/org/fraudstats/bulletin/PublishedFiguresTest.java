package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulletins print exactly the figures of `./fraudstats metrics`: every district row of the PDF (text
 * pulled out with PDFBox) and of the workbook (cells read back with POI) equals the metrics CSV of that day,
 * which holds the six areas with the contract's figures (expected-by-day-….csv).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedFiguresTest extends DatabaseTest {

    private static final List<String> NAMES = List.of("禅城区", "南海区", "顺德区", "三水区", "高明区", "佛山市");
    private static final List<String> CODES = List.of("440604", "440605", "440606", "440607", "440608", "440600");
    private static final Path GOLDEN_BY_DAY = Path.of("src/test/resources/golden/expected-by-day-2022-10-01_2022-10-24.csv");

    private final Path out = org.fraudstats.support.TestPostgres.tempHome().resolve("out");

    @BeforeAll
    void loadSampleAndRender() {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
        Run rerun = cli("rerun", "--from", "2022-10-20", "--to", "2022-10-24", "--range", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-10-20", "2022-10-22", "2022-10-24"})
    void theDailyPdfPrintsTheFiguresOfMetrics(String day) throws IOException {
        String text = pdfText(out.resolve("daily/" + day + "/fraudstats-daily-" + day + ".pdf"));
        List<String[]> rows = metrics(day, day);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(text).contains(pdfRow(NAMES.get(i), rows.get(i)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-10-20", "2022-10-23"})
    void theDailyWorkbookHoldsTheFiguresOfMetrics(String day) throws IOException {
        List<String[]> rows = metrics(day, day);
        try (InputStream in = Files.newInputStream(out.resolve("daily/" + day + "/fraudstats-daily-" + day + ".xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("分区统计");
            assertThat(sheet).isNotNull();
            for (int i = 0; i < rows.size(); i++) {
                Row row = findRow(sheet, NAMES.get(i));
                String[] m = rows.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(m[2]);
                // every metric of metrics.md, in the CSV's order, from the third column on
                for (int k = 0; k < org.fraudstats.metrics.Metric.values().length; k++) {
                    var cell = row.getCell(2 + k);
                    if (m[3 + k].isEmpty()) {
                        assertThat(cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC).isTrue();
                    } else {
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(NAMES.get(i) + " column " + k)
                                .isEqualByComparingTo(m[3 + k]);
                    }
                }
            }
        }
    }

    @Test
    void theRangeBulletinAndItsHeadlineMatchMetricsAndHeadline() throws IOException {
        String text = pdfText(out.resolve("range/2022-10-20_2022-10-24/fraudstats-range-2022-10-20_2022-10-24.pdf"));
        // a range bulletin numbers no issue (it printed 第1期, every one of them); a daily's is its day of the year
        assertThat(text).doesNotContainPattern("第\\d+期").contains("佛山市反诈骗中心");
        assertThat(pdfText(out.resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf"))).contains("第297期");
        List<String[]> rows = metrics("2022-10-20", "2022-10-24");
        // the city's cases over the five days: the sum of the contract's daily figures
        assertThat(Long.parseLong(rows.get(5)[3])).isEqualTo(Files.readAllLines(GOLDEN_BY_DAY).stream()
                .map(l -> l.split(",", -1)).filter(r -> r[2].equals("440600") && r[0].compareTo("2022-10-20") >= 0)
                .mapToLong(r -> Long.parseLong(r[3])).sum());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(text).contains(pdfRow(NAMES.get(i), rows.get(i)));
        }
        String sentence = cli("headline", "--from", "2022-10-20", "--to", "2022-10-24").out().strip();
        assertThat(text.replaceAll("\\s+", "")).contains(sentence);
        assertThat(Files.readString(out.resolve("range/2022-10-20_2022-10-24/manifest.json")))
                .contains("fraudstats-range-2022-10-20_2022-10-24.pdf").contains("\"sha256\"").contains("\"latest_drop\": \"2022-12-02\"");
    }

    @Test
    void manifestsListTheirKeysInOneOrderWhicheverProcessWroteThem() throws IOException {
        String manifest = Files.readString(out.resolve("range/2022-10-20_2022-10-24/manifest.json"));
        assertThat(manifest).contains("\"period\": {\n    \"from\": \"2022-10-20\",\n    \"to\": \"2022-10-24\"\n  }")
                .containsPattern("\\{\n    \"name\": \"fraudstats-range-2022-10-20_2022-10-24\\.pdf\",\n    \"sha256\": \"[0-9a-f]{64}\"\n  }");
    }

    @Test
    void everyBulletinOfTheRerunIsThereWithItsManifest() throws IOException {
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(6 * 3);
        }
    }

    /** The rows of `metrics` for the period: one per area, in the bulletin's order, the contract's figures for a day. */
    private List<String[]> metrics(String from, String to) throws IOException {
        List<String> lines = cli("metrics", "--from", from, "--to", to).out().lines().skip(1).toList();
        assertThat(lines).extracting(l -> l.split(",", -1)[2]).containsExactlyElementsOf(CODES);
        if (from.equals(to)) {
            assertThat(lines).containsExactlyElementsOf(Files.readAllLines(GOLDEN_BY_DAY).stream()
                    .filter(l -> l.startsWith(from + "," + to + ",")).toList());
        }
        return lines.stream().map(l -> l.split(",", -1)).toList();
    }

    /** The row as the PDF prints it: name, then figures with separators, empty median as —. */
    private static String pdfRow(String name, String[] m) {
        return String.join(" ", name, count(m[3]), money(m[4]), count(m[5]), money(m[6]), count(m[7]), money(m[8]),
                count(m[9]), money(m[10]), m[11].isEmpty() ? "—" : minutes(m[11]));
    }

    private static String count(String v) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(Long.parseLong(v));
    }

    private static String money(String v) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(new BigDecimal(v));
    }

    private static String minutes(String v) {
        return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(new BigDecimal(v));
    }

    private static Row findRow(Sheet sheet, String name) {
        DataFormatter f = new DataFormatter();
        for (Row row : sheet) {
            if (row.getCell(1) != null && f.formatCellValue(row.getCell(1)).equals(name)) {
                return row;
            }
        }
        throw new AssertionError(name + " not in sheet " + sheet.getSheetName());
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
