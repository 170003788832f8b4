package org.fraudstats.bulletin.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.SampleBulletins;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinWorkbookTest {

    private static BulletinWorkbook bulletinWorkbook;

    @TempDir
    Path folder;

    @BeforeAll
    static void compileTemplates() {
        bulletinWorkbook = new BulletinWorkbook(Catalog.foshan());
    }

    @Test
    void shouldHaveTheSixSheetsInReadingOrder() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.range())) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("摘要", "分区统计", "诈骗类型", "每日趋势", "数据质量", "统计口径");
            // marked on every printed page, as the PDF and the portal are (r43a)
            workbook.forEach(sheet -> assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName()).isEqualTo("内部资料 注意保密"));
        }
    }

    @Test
    void shouldSayWhatEveryFigureCounts() throws IOException {
        // the workbook travels without the portal: its reader learns the 统计口径 from it, not from a code repository
        try (XSSFWorkbook workbook = render(SampleBulletins.range())) {
            Sheet definitions = workbook.getSheet("统计口径");
            assertThat(definitions.getRow(0).getCell(1).getStringCellValue()).isEqualTo("统计口径");
            assertThat(definitions.getRow(1).getCell(0).getStringCellValue()).isEqualTo("电诈警情");
            assertThat(definitions.getRow(1).getCell(1).getStringCellValue()).isEqualTo("统计期内接报的电诈警情数（按报警时间所在业务日计）。");
            assertThat(definitions.getRow(9).getCell(0).getStringCellValue()).isEqualTo("止付中位时长（分钟）");
            // a freeze counts in the median too, which its name does not say (tester)
            assertThat(definitions.getRow(9).getCell(1).getStringCellValue()).contains("最早一次止付或冻结的生效时间", "冻结也计入", "宜结合警情数阅读");
            // counted in 人次, as its heading and the press sentence say: the definition said 条数 alone (r43a)
            assertThat(definitions.getRow(11).getCell(0).getStringCellValue()).isEqualTo("见面劝阻");
            assertThat(definitions.getRow(11).getCell(1).getStringCellValue()).contains("劝阻成功的条数，每条计一人次");
            assertThat(definitions.getRow(12).getCell(0).getStringCellValue()).isEqualTo("通用规则");
            assertThat(definitions.getLastRowNum()).isEqualTo(17);
            assertThat(workbook.getSheet("数据质量").getRow(7).getCell(1).getStringCellValue()).isEqualTo("见本工作簿“统计口径”表");
        }
    }

    @Test
    void shouldHoldTheExactFiguresWithTheirFormats() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.range())) {
            Sheet districts = workbook.getSheet("分区统计");
            assertThat(districts.getRow(1).getCell(3).getStringCellValue()).isEqualTo("案损金额（元）");
            Row city = districts.getRow(7);
            assertThat(city.getCell(0).getStringCellValue()).isEqualTo("440600");
            assertThat(city.getCell(1).getStringCellValue()).isEqualTo("佛山市");
            assertNumber(city.getCell(2), "343", "#,##0");
            assertNumber(city.getCell(3), "26259997.22", "¥#,##0.00");
            assertNumber(city.getCell(4), "187", "#,##0");
            assertNumber(city.getCell(5), "8059792.06", "¥#,##0.00");
            assertNumber(city.getCell(10), "125.0", "#,##0.0");
            // 同比 of stop_amount (the 4th comparable metric) right after the figures, one column each
            int changes = 2 + org.fraudstats.metrics.Metric.values().length;
            int comparable = (int) java.util.Arrays.stream(org.fraudstats.metrics.Metric.values()).filter(org.fraudstats.metrics.Metric::comparable).count();
            assertNumber(city.getCell(changes + 3), "-15.0", WorkbookStyles.PERCENT);
            Row chancheng = districts.getRow(2);
            assertThat(chancheng.getCell(1).getStringCellValue()).isEqualTo("禅城区");
            assertNumber(chancheng.getCell(changes + 5), "617.2", WorkbookStyles.PERCENT);
            // shown as the PDF and the mail say it: a rise with its sign
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT).formatCellValue(chancheng.getCell(changes + 5)))
                    .isEqualTo("+617.2%");
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT).formatCellValue(city.getCell(changes + 3)))
                    .isEqualTo("-15.0%");
            // 三水区: a zero 环比 base for refund_cases leaves the change empty, as metrics does.
            Row sanshui = districts.getRow(5);
            assertThat(sanshui.getCell(1).getStringCellValue()).isEqualTo("三水区");
            assertThat(sanshui.getCell(changes + comparable + 6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sanshui.getCell(changes + comparable + 6).getCellStyle().getDataFormatString()).isEqualTo(WorkbookStyles.PERCENT);

            Sheet trend = workbook.getSheet("每日趋势");
            assertThat(trend.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(SampleBulletins.FROM);
            assertNumber(trend.getRow(24).getCell(2), "565533.66", "¥#,##0.00");

            Sheet types = workbook.getSheet("诈骗类型");
            assertThat(types.getRow(2).getCell(3).getStringCellValue()).isEqualTo("虚假投资理财");
            assertNumber(types.getRow(2).getCell(5), "9876543.21", "¥#,##0.00");

            Sheet quality = workbook.getSheet("数据质量");
            assertNumber(quality.getRow(2).getCell(1), "12840", "#,##0");
            assertThat(quality.getRow(7).getCell(1).getStringCellValue()).isEqualTo("见本工作簿“统计口径”表");
            // the time as text: a date cell's serial is a run of 16 digits, which a scan for account numbers flags (tester mail32)
            assertThat(quality.getRow(6).getCell(1).getStringCellValue()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

            Sheet summary = workbook.getSheet("摘要");
            assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo(SampleBulletins.SUMMARY);
            assertNumber(summary.getRow(7 + 3).getCell(1), "8059792.06", "¥#,##0.00");
            // every column of the city's rows, each from its own period: a base or a year swapped for another passed
            // every test (r42c's mutants: 同比基期 from the 环比 base, 去年同期 from this year, the year's change inverted)
            Row cases = summary.getRow(7);
            assertThat(cases.getCell(0).getStringCellValue()).isEqualTo("电诈警情（宗）");
            String[] casesRow = {"343", "349", "-1.7", "328", "4.6", "343", "349", "-1.7"};
            Row loss = summary.getRow(8);
            String[] lossRow = {"26259997.22", "20206422.09", "30.0", "23583802.99", "11.3", "26259997.22", "20206422.09", "30.0"};
            for (int c = 1; c <= 8; c++) {
                boolean change = c == 3 || c == 5 || c == 8;
                assertNumber(cases.getCell(c), casesRow[c - 1], change ? WorkbookStyles.PERCENT : "#,##0");
                assertNumber(loss.getCell(c), lossRow[c - 1], change ? WorkbookStyles.PERCENT : "¥#,##0.00");
            }
            // the median has no change by definition: said, not left empty, which the note reads as a base of 0
            Row median = summary.getRow(7 + org.fraudstats.metrics.Metric.MEDIAN_MINUTES_TO_STOP.ordinal());
            assertThat(median.getCell(0).getStringCellValue()).isEqualTo("止付中位时长（分钟）");
            for (int c : new int[] {3, 5, 8}) {
                assertThat(median.getCell(c).getStringCellValue()).as("column %d", c).isEqualTo("不计算");
            }
        }
    }

    @Test
    void aRevisionSaysSoOnItsFirstSheetAndInItsProperties() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.daily().withRevision(2, List.of("佛山市 电诈警情 15 → 16"), null))) {
            assertThat(workbook.getSheet("摘要").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("2022年10月24日全市电信网络诈骗警情（修订版 第2版）");
            assertThat(workbook.getProperties().getCoreProperties().getTitle()).endsWith("（修订版 第2版）");
            assertThat(workbook.getProperties().getCoreProperties().getSubject()).endsWith("（修订版 第2版）");
            // and its 数据质量 sheet words it as the PDF does (tester 31c: 第2版（修订）)
            assertThat(workbook.getSheet("数据质量").getRow(9).getCell(1).getStringCellValue()).isEqualTo("修订版 第2版");
        }
        try (XSSFWorkbook first = render(SampleBulletins.daily())) {
            assertThat(first.getSheet("摘要").getRow(2).getCell(0).getStringCellValue()).isEqualTo("2022年10月24日全市电信网络诈骗警情");
        }
    }

    @Test
    void aFigureLongerThanADoubleHoldsIsWrittenAsItsExactDigits() throws IOException {
        BulletinData big = withCityLoss(new BigDecimal("10001234567889999.99"));
        try (XSSFWorkbook workbook = render(big)) {
            Row city = workbook.getSheet("分区统计").getRow(7);
            // as a double it was 1.000123456789E16, shown as 10,001,234,567,890,000.00 against the PDF's figure
            assertThat(city.getCell(3).getCellType()).isEqualTo(CellType.STRING);
            // as its column shows its numbers, not bare digits that read as another kind of figure (r41a)
            assertThat(city.getCell(3).getStringCellValue()).isEqualTo("¥10,001,234,567,889,999.99");
            // and wide enough for it: a column of 16 characters showed a number of 22 as #### (r41a)
            assertThat(workbook.getSheet("分区统计").getColumnWidth(3)).isEqualTo(26 * 256 + 512);
            // the figures a double holds stay numbers
            assertNumber(city.getCell(5), "8059792.06", "¥#,##0.00");
        }
    }

    /** A national year's loss (tens of billions) fits its column: Excel shows a number wider than it as #### (r41a). */
    @Test
    void aFigureWiderThanItsColumnWidensIt() throws IOException {
        BulletinData big = withCityLoss(new BigDecimal("98765432101.23"));
        try (XSSFWorkbook workbook = render(big)) {
            Sheet districts = workbook.getSheet("分区统计");
            assertNumber(districts.getRow(7).getCell(3), "98765432101.23", "¥#,##0.00");
            // ¥98,765,432,101.23: 18 characters, in a column set at 16
            assertThat(districts.getColumnWidth(3)).isEqualTo(18 * 256 + 512);
            // a column whose figures fit keeps its width
            assertThat(districts.getColumnWidth(2)).isEqualTo(10 * 256 + 512);
            assertThat(workbook.getSheet("摘要").getColumnWidth(1)).isEqualTo(18 * 256 + 512);
        }
    }

    @Test
    void shouldOpenTheSummaryWithTheNoticeOfDataNotArrived_asThePdfDoes() throws IOException {
        String notice = "数据未到：2022-10-24 的数据尚未到达，本期数字不完整，数据到达后将以修订版重发";
        try (XSSFWorkbook workbook = render(SampleBulletins.daily().withRevision(1, java.util.List.of(), notice))) {
            assertThat(workbook.getSheet("摘要").getRow(4).getCell(0).getStringCellValue())
                    .isEqualTo("【" + notice + "】" + SampleBulletins.daily().summary());
            assertThat(workbook.getSheet("数据质量").getRow(10).getCell(1).getStringCellValue()).isEqualTo(notice);
            // partial figures are not compared: the changes that had values are empty, and the note says why
            assertThat(workbook.getSheet("分区统计").getRow(7).getCell(2 + org.fraudstats.metrics.Metric.values().length + 3).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(workbook.getSheet("摘要").getRow(7 + 3).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            // the year to date holds the missing days' zeros too: no 今年以来同比 either
            // every metric's row (a count of 9 here had left warnings and visits unchecked since they were added)
            for (org.fraudstats.metrics.Metric metric : org.fraudstats.metrics.Metric.values()) {
                org.apache.poi.ss.usermodel.Cell change = workbook.getSheet("摘要").getRow(7 + metric.ordinal()).getCell(8);
                if (metric.comparable()) {
                    assertThat(change.getCellType()).as("%s", metric).isEqualTo(CellType.BLANK);
                } else {
                    assertThat(change.getStringCellValue()).as("%s", metric).isEqualTo("不计算");
                }
            }
            assertThat(workbook.getSheet("数据质量").getRow(8).getCell(1).getStringCellValue())
                    .endsWith("；本期含数据未到的日期，不计算同比、环比");
        }
        try (XSSFWorkbook workbook = render(SampleBulletins.daily())) {
            assertThat(workbook.getSheet("数据质量").getRow(8).getCell(1).getStringCellValue()).endsWith("；变化为空表示基期数为0");
            assertThat(workbook.getSheet("摘要").getRow(7).getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void shouldLeaveEmptyOnlyTheChangeWhoseBaseHoldsADayNotArrived_andSayWhichDay() throws IOException {
        BulletinData data = SampleBulletins.daily().withGaps(new org.fraudstats.bulletin.BaseGaps(
                java.util.List.of(), java.util.List.of(java.time.LocalDate.parse("2022-09-30")), java.util.List.of()));
        try (XSSFWorkbook workbook = render(data)) {
            Sheet summary = workbook.getSheet("摘要");
            assertThat(summary.getRow(7).getCell(3).getCellType()).as("同比").isEqualTo(CellType.NUMERIC);
            assertThat(summary.getRow(7).getCell(5).getCellType()).as("环比").isEqualTo(CellType.BLANK);
            assertThat(summary.getRow(7).getCell(8).getCellType()).as("今年以来同比").isEqualTo(CellType.NUMERIC);
            assertThat(workbook.getSheet("数据质量").getRow(8).getCell(1).getStringCellValue())
                    .endsWith("；变化为空表示基期数为0，或环比基期（2022-09-30）含数据未到的日期");
        }
    }

    @Test
    void shouldStoreValuesNeverFormulas() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.range())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void shouldFreezeHeadersSetWidthsAndPrintOnA4() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.range())) {
            assertFrozen(workbook.getSheet("分区统计"), 2, 2);
            assertFrozen(workbook.getSheet("诈骗类型"), 1, 0);
            assertFrozen(workbook.getSheet("每日趋势"), 1, 0);
            assertFrozen(workbook.getSheet("数据质量"), 1, 0);
            assertFrozen(workbook.getSheet("摘要"), 1, 0);
            for (Sheet sheet : workbook) {
                assertThat(sheet.getPrintSetup().getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getColumnWidth(0)).as(sheet.getSheetName()).isNotEqualTo(sheet.getDefaultColumnWidth() * 256);
            }
            // the columns in order in the file, the code's and the name's first: written after the figures', a
            // spreadsheet reading them in order gave A and B the default width
            // (POI sorts them when it reads a file, so the file's own bytes are read)
            Sheet districts = workbook.getSheet("分区统计");
            assertThat(List.of(districts.getColumnWidth(0), districts.getColumnWidth(1))).containsExactly(9 * 256 + 512, 8 * 256 + 512);
            String sheetXml;
            try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(folder.resolve(SampleBulletins.range().kind() + ".xlsx").toFile())) {
                sheetXml = new String(file.getInputStream(file.getEntry("xl/worksheets/sheet" + (workbook.getSheetIndex(districts) + 1)
                        + ".xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            List<Integer> columns = java.util.regex.Pattern.compile("<col min=\"(\\d+)\"").matcher(sheetXml).results()
                    .map(m -> Integer.parseInt(m.group(1))).toList();
            assertThat(columns).startsWith(1, 2, 3).isSorted();
        }
    }

    @Test
    void shouldSayWhatIsUnusualBeforeTheSummaryOfADailyAndNothingThereInARange() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.daily())) {
            Sheet summary = workbook.getSheet("摘要");
            assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("异常提示：" + SampleBulletins.DAILY_UNUSUAL);
        }
        try (XSSFWorkbook workbook = render(SampleBulletins.range())) {
            assertThat(workbook.getSheet("摘要").getRow(3) == null).as("row 3 of a range").isTrue();
        }
    }

    @Test
    void shouldChartTheDaysWithExplicitSeriesColours() throws IOException {
        try (XSSFWorkbook workbook = render(SampleBulletins.daily())) {
            XSSFSheet trend = workbook.getSheet("每日趋势");
            List<XSSFChart> charts = trend.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            List<XDDFChartData> data = charts.get(0).getChartSeries();
            XDDFBarChartData bars = (XDDFBarChartData) data.stream().filter(XDDFBarChartData.class::isInstance).findFirst().orElseThrow();
            XDDFLineChartData line = (XDDFLineChartData) data.stream().filter(XDDFLineChartData.class::isInstance).findFirst().orElseThrow();
            assertThat(bars.getSeries(0).getShapeProperties().getFillProperties()).isInstanceOf(XDDFSolidFillProperties.class);
            assertThat(line.getSeries(0).getShapeProperties().getLineProperties().getFillProperties()).isInstanceOf(XDDFSolidFillProperties.class);
            assertThat(bars.getSeries(0).getValuesData().getPointCount()).isEqualTo(30);
            // busy days: Excel's own whole steps
            assertThat(bars.getValueAxes().get(0).isSetMajorUnit()).isFalse();
        }
    }

    @Test
    void aDayNotArrivedIsLeftEmptyInTheTrendAndSaidSo_notDrawnAsADayWithoutFraud() throws IOException {
        BulletinData data = SampleBulletins.daily().withTrendNotArrived(List.of(java.time.LocalDate.parse("2022-10-20"),
                SampleBulletins.TO));
        try (XSSFWorkbook workbook = render(data)) {
            XSSFSheet trend = workbook.getSheet("每日趋势");
            assertThat(trend.getRow(0).getCell(3).getStringCellValue()).isEqualTo("说明");
            for (int r : new int[] {26, 30}) {
                Row day = trend.getRow(r);
                assertThat(day.getCell(1).getCellType()).as("row %d", r).isEqualTo(CellType.BLANK);
                assertThat(day.getCell(2).getCellType()).as("row %d", r).isEqualTo(CellType.BLANK);
                assertThat(day.getCell(3).getStringCellValue()).isEqualTo("数据未到");
            }
            assertThat(trend.getRow(26).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2022-10-20");
            assertNumber(trend.getRow(29).getCell(2), "400000.00", "¥#,##0.00");
            assertThat(trend.getRow(29).getCell(3)).isNull();
            XDDFChartData bars = trend.getDrawingPatriarch().getCharts().get(0).getChartSeries().stream()
                    .filter(XDDFBarChartData.class::isInstance).findFirst().orElseThrow();
            // the chart's cached points, which a viewer draws before it reads the cells: none for the empty days
            var cache = ((XDDFBarChartData.Series) bars.getSeries(0)).getCTBarSer().getVal().getNumRef().getNumCache();
            assertThat(cache.getPtCount().getVal()).isEqualTo(30);
            assertThat(cache.getPtList()).extracting(p -> p.getIdx()).hasSize(28).doesNotContain(25L, 29L).contains(28L);
            assertThat(trend.getDrawingPatriarch().getCharts().get(0).getCTChart().getDispBlanksAs().getVal().toString()).isEqualTo("gap");
        }
        try (XSSFWorkbook workbook = render(SampleBulletins.daily())) {
            assertThat(workbook.getSheet("每日趋势").getRow(0).getCell(3)).isNull();
        }
    }

    @Test
    void aQuietRangesChartTicksEveryCase_notEveryHalfCaseRoundedByItsLabels() throws IOException {
        BulletinData data = SampleBulletins.range();
        List<org.fraudstats.metrics.CityDay> quiet = data.days().stream()
                .map(d -> new org.fraudstats.metrics.CityDay(d.day(), d.cases() % 4, d.stopAmount())).toList();
        BulletinData fewCases = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), data.title(), data.summary(),
                data.areas(), data.yoyBase(), data.popBase(), data.fraudTypes(), quiet, data.ytd(), data.ytdLastYear(),
                data.provenance());
        try (XSSFWorkbook workbook = render(fewCases)) {
            XDDFChartData bars = workbook.getSheet("每日趋势").getDrawingPatriarch().getCharts().get(0).getChartSeries().stream()
                    .filter(XDDFBarChartData.class::isInstance).findFirst().orElseThrow();
            assertThat(bars.getValueAxes().get(0).getMajorUnit()).isEqualTo(1.0);
        }
    }

    @Test
    void shouldRefuseAnAreaWithoutItsBaseRatherThanPrintNoChange() {
        BulletinData data = SampleBulletins.range();
        List<AreaFigures> yoyWithoutChancheng = data.yoyBase().subList(1, data.yoyBase().size());
        BulletinData gap = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), data.title(), data.summary(),
                data.areas(), yoyWithoutChancheng, data.popBase(), data.fraudTypes(), data.days(), data.ytd(),
                data.ytdLastYear(), data.provenance());
        assertThatThrownBy(() -> bulletinWorkbook.write(gap, OutputStream.nullOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("440604");
    }

    /**
     * A full disk: POI swallowed the stream's IOException and threw "The part /xl/… failed to be saved in the stream
     * with marshaller …", so the night's one line named neither the disk nor the folder (an operator).
     */
    @Test
    void aWriteThatFailsIsSaidByItsOwnCause() {
        OutputStream fullDisk = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 4096) {
                    throw new IOException("No space left on device");
                }
            }
        };
        assertThatThrownBy(() -> bulletinWorkbook.write(SampleBulletins.daily(), fullDisk))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");
    }

    /**
     * A disk full from the first byte: POI logged "Cannot write: [Content_Types].xml in Zip !" at ERROR with its trace,
     * 60 lines before the command's one (r41b). The application's logging levels silence it.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aDiskFullFromTheFirstByteLogsNothingOfPois(org.springframework.boot.test.system.CapturedOutput output) throws IOException {
        java.util.Properties application = new java.util.Properties();
        try (InputStream in = BulletinWorkbookTest.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        var logging = org.springframework.boot.logging.LoggingSystem.get(BulletinWorkbookTest.class.getClassLoader());
        List<String> poi = application.stringPropertyNames().stream().filter(k -> k.startsWith("logging.level.org.apache.poi"))
                .map(k -> k.substring("logging.level.".length())).toList();
        assertThat(poi).isNotEmpty();
        poi.forEach(name -> logging.setLogLevel(name, org.springframework.boot.logging.LogLevel.valueOf(application.getProperty("logging.level." + name))));
        try {
            OutputStream fullDisk = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }
            };
            assertThatThrownBy(() -> bulletinWorkbook.write(SampleBulletins.daily(), fullDisk))
                    .isInstanceOf(IOException.class).hasMessage("No space left on device");
            assertThat(output.getAll()).doesNotContain("Cannot write").doesNotContain("at org.apache.poi");
        } finally {
            poi.forEach(name -> logging.setLogLevel(name, null));
        }
    }

    /** The sample range bulletin with the city's loss replaced. */
    private static BulletinData withCityLoss(BigDecimal loss) {
        BulletinData data = SampleBulletins.range();
        List<AreaFigures> areas = data.areas().stream().map(a -> !a.districtCode().equals("440600") ? a
                : new AreaFigures(a.from(), a.to(), a.districtCode(), a.cases(), loss, a.stopAccounts(), a.stopAmount(),
                        a.freezeAccounts(), a.freezeAmount(), a.refundCases(), a.refundAmount(), a.medianMinutesToStop(),
                        a.warnings(), a.dissuadedVisits())).toList();
        return new BulletinData(data.kind(), data.from(), data.to(), data.issue(), data.title(), data.summary(),
                areas, data.yoyBase(), data.popBase(), data.fraudTypes(), data.days(), data.ytd(), data.ytdLastYear(),
                data.provenance());
    }

    private XSSFWorkbook render(BulletinData data) throws IOException {
        Path xlsx = folder.resolve(data.kind() + ".xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            bulletinWorkbook.write(data, out);
        }
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    private static void assertNumber(Cell cell, String expected, String format) {
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(cell.getAddress().toString())
                .isEqualByComparingTo(new BigDecimal(expected));
        assertThat(cell.getCellStyle().getDataFormatString()).as(cell.getAddress().toString()).isEqualTo(format);
    }

    private static void assertFrozen(Sheet sheet, int rows, int columns) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as(sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat((int) pane.getHorizontalSplitPosition()).as(sheet.getSheetName() + " rows").isEqualTo(rows);
        assertThat((int) pane.getVerticalSplitPosition()).as(sheet.getSheetName() + " columns").isEqualTo(columns);
    }
}
