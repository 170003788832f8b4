package org.fraudstats.bulletin.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.sf.jasperreports.compilers.ReportExpressionEvaluationData;
import net.sf.jasperreports.engine.JRDataset;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRReportCompileData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.SampleBulletins;
import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinPdfTest {

    private static BulletinPdf pdf;

    @TempDir
    Path folder;

    @BeforeAll
    static void compileTemplates() {
        pdf = new BulletinPdf(Catalog.foshan());
    }

    @Test
    void shouldPrintTheMastheadTitleAndEveryDistrict() throws Exception {
        String text = text(render(SampleBulletins.range()));
        assertThat(text).contains("佛山市反诈骗中心", "电信网络诈骗警情通报（区间）", "第12期",
                "统计时段：2022年10月1日至10月24日", "2022年10月25日",
                "关于2022年10月1日至24日全市电信网络诈骗警情的通报", "北滘派出所",
                "禅城区", "南海区", "顺德区", "三水区", "高明区", "佛山市");
    }

    @Test
    void shouldOpenADailyWithWhatIsUnusualBeforeTheSummaryAndARangeWithout() throws Exception {
        String daily = text(render(SampleBulletins.daily())).replaceAll("\\s+", "");
        assertThat(daily).contains("异常提示：" + SampleBulletins.DAILY_UNUSUAL);
        assertThat(daily.indexOf("异常提示")).isLessThan(daily.indexOf("10月24日，全市共处置电诈警情15宗"));
        String nothing = text(render(SampleBulletins.daily().withUnusual("无异常。"))).replaceAll("\\s+", "");
        assertThat(nothing).contains("异常提示：无异常。").doesNotContain("顺德区警情5宗");
        assertThat(text(render(SampleBulletins.range()))).doesNotContain("异常提示");
    }

    @Test
    void shouldPrintTheExactFiguresOfMetrics() throws Exception {
        String text = text(render(SampleBulletins.range()));
        // The city row of expected-range-2022-10-01_2022-10-24.csv, with separators.
        assertThat(text).contains("343", "26,259,997.22", "187", "8,059,792.06", "96", "3,804,540.07", "1,180,778.64", "125.0");
        // 禅城区 and 高明区 rows.
        assertThat(text).contains("8,804,879.91", "3,740,605.99", "2,662,010.57", "401,296.52", "135.0");
        assertThat(text).contains("1,884,973.88", "503,872.63", "242,653.46", "284,571.12", "112.3");
        // Changes of expected-yoy-… (city stop_amount, 禅城区 freeze_amount, 顺德区 refunds) and a zero 环比 base.
        // a rise with its sign, as the mail says it
        assertThat(text).contains("-15.0%", "+617.2%", "-100.0%", "+184.9%", Formats.NONE);
        // Fraud types, year to date, provenance.
        assertThat(text).contains("虚假投资理财", "9,876,543.21", "20,206,422.09", "-40.1%");
        // the median has no 同比 (metrics.md): said so, not "—", which the bulletin explains as a base of 0
        assertThat(text.replaceAll("\\s+", "")).containsPattern("止付中位时长（分钟）[0-9.,—]+[0-9.,—]+不计算");
        // marked under the masthead, as the portal's footer is (r43a)
        assertThat(text).contains("内部资料 注意保密");
        // the latest drop loaded, named as the workbook names it: 数据截至 is the mail's cut-off of the period (r43a)
        assertThat(text.replaceAll("\\s+", "")).containsPattern("注：最新入库批次：\\d{4}年\\d{1,2}月\\d{1,2}日；已入库").doesNotContain("数据截至")
                .contains("“统计口径”表及门户“统计数据”页");
        assertThat(text).contains("已入库12,840行", "拒收23行", "待处理4行", "作业执行编号57", "各项指标的统计口径见本通报",
                "2022年10月25日 08:15:30（北京时间）");
    }

    @Test
    void shouldPrintAChangeWiderThanItsColumnWhole_inASmallerFont() throws Exception {
        // clipped, 1,273,423.9% printed as 1,273,423.9 (tester), and a wider one would have lost digits
        String text = text(render(SampleBulletins.dailyWithAHugeChange()));
        assertThat(text).contains("+1,204,999,900.0%");
    }

    @Test
    void shouldNumberPagesAsXOfY() throws Exception {
        Path pdf = render(SampleBulletins.range());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            String text = text(pdf);
            for (int page = 1; page <= pages; page++) {
                assertThat(text).contains("第 " + page + " 页 / 共 " + pages + " 页");
            }
        }
    }

    @Test
    void shouldBeA4Portrait() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(SampleBulletins.daily()).toFile())) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("电信网络诈骗警情日报 2022年10月24日（第297期）");
        }
        // a phone's viewer shows the title: every 月报 was titled the same (accessibility tester)
        try (PDDocument document = Loader.loadPDF(render(SampleBulletins.monthly()).toFile())) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("电信网络诈骗警情通报（月报） 2022年11月1日至11月30日");
        }
    }

    @Test
    void shouldEmbedTheBulletinFontAndUseNoOther() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(SampleBulletins.range()).toFile())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("NotoSerifCJKsc");
                // TrueType outlines (CIDFontType2): Adobe Reader cannot extract OpenPDF's CFF CJK subsets (CIDFontType0C)
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(((PDType0Font) font).getDescendantFont()).as(font.getName()).isInstanceOf(PDCIDFontType2.class);
            });
        }
    }

    @Test
    void shouldHaveAGlyphForEveryCharacterPrinted() throws Exception {
        for (BulletinData data : List.of(SampleBulletins.range(), SampleBulletins.daily())) {
            try (PDDocument document = Loader.loadPDF(render(data).toFile())) {
                List<String> missing = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        super.processTextPosition(text);
                        for (int code : text.getCharacterCodes()) {
                            try {
                                // Identity-H: the code is the CID; GID 0 is .notdef, the empty box of a missing glyph.
                                if (!(text.getFont() instanceof PDType0Font font) || !font.hasGlyph(code) || font.codeToGID(code) == 0) {
                                    missing.add(text.getUnicode() + " (code " + code + " in " + text.getFont().getName() + ")");
                                } else if (!text.getUnicode().isBlank()
                                        && ((PDCIDFontType2) font.getDescendantFont()).getPath(code).getBounds2D().isEmpty()) {
                                    // the outline PDFBox draws: a glyph that is present but empty prints as a gap
                                    missing.add(text.getUnicode() + " (empty outline, code " + code + ")");
                                }
                            } catch (IOException e) {
                                missing.add(text.getUnicode() + ": " + e.getMessage());
                            }
                        }
                        if (text.getUnicode() == null || text.getUnicode().contains("\uFFFD")) {
                            missing.add("unmapped code " + text.getCharacterCodes()[0]);
                        }
                    }
                };
                String text = stripper.getText(document);
                assertThat(text).isNotBlank();
                assertThat(missing).isEmpty();
            }
        }
    }

    @Test
    void shouldRenderManyBulletinsAtOnceFromOneInstance() throws Exception {
        String expected = text(render(SampleBulletins.daily()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Path file = folder.resolve("parallel-" + i + ".pdf");
                texts.add(pool.submit(() -> text(write(SampleBulletins.daily(), file))));
            }
            for (Future<String> text : texts) {
                assertThat(text.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRevisionSaysSoInItsDocumentProperties() throws Exception {
        Path revised = write(SampleBulletins.daily().withRevision(2, List.of("佛山市 电诈警情 15 → 16"), null), folder.resolve("r2.pdf"));
        try (PDDocument document = Loader.loadPDF(revised.toFile())) {
            assertThat(document.getDocumentInformation().getTitle()).endsWith("（修订版 第2版）");
            assertThat(document.getDocumentInformation().getSubject()).isEqualTo("2022年10月24日全市电信网络诈骗警情（修订版 第2版）");
        }
        assertThat(text(revised).replaceAll("\\s+", "")).contains("2022年10月24日全市电信网络诈骗警情（修订版第2版）");
    }

    @Test
    void aPeriodWithoutACaseSaysSoUnderEachRanking() throws Exception {
        BulletinData data = SampleBulletins.daily();
        BulletinData none = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), data.title(), data.summary(),
                data.areas(), data.yoyBase(), data.popBase(), List.of(), data.days(), data.ytd(), data.ytdLastYear(),
                data.provenance());
        String text = text(write(none, folder.resolve("none.pdf"))).replaceAll("\\s+", "");
        assertThat(text).contains("按警情数排名按案损金额排名本期无警情本期无警情");
        assertThat(text(render(data))).doesNotContain("本期无警情");
    }

    /** A 数据未到 daily's zeros are no data: its tables print "—" as its mail's key figures do, and what did arrive. */
    @Test
    void aDailyWhoseDayHasNotArrivedPrintsNoZeroForIt() throws Exception {
        BulletinData data = SampleBulletins.daily();
        List<org.fraudstats.metrics.AreaFigures> nothing = data.areas().stream().map(a -> a.noRecords()).toList();
        // one late case of the day loaded in Chancheng: a figure, printed
        var late = nothing.get(0);
        nothing = new ArrayList<>(nothing);
        nothing.set(0, new org.fraudstats.metrics.AreaFigures(late.from(), late.to(), late.districtCode(), 1,
                new java.math.BigDecimal("500.00"), 0, late.stopAmount(), 0, late.freezeAmount(), 0, late.refundAmount(), null, 0, 0));
        // its year to date is the day alone (as on 1 January)
        var ytdOfTheDay = data.ytd().noRecords().over(data.to(), data.to());
        BulletinData notArrived = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), data.title(), data.summary(),
                nothing, data.yoyBase(), data.popBase(), List.of(), data.days(), ytdOfTheDay, data.ytdLastYear(),
                data.provenance()).withRevision(1, List.of(), "数据未到：2022-10-24 的数据尚未到达");
        String text = text(write(notArrived, folder.resolve("not-arrived-daily.pdf"))).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("禅城区 1 500.00 — — — — — — —").contains("南海区 — — — — — — — — —")
                .contains("电诈警情（宗） — ").contains("案损金额（元） — ")
                .contains("按警情数排名 按案损金额排名").doesNotContain("本期无警情").doesNotContain(" 0 0.00");
        assertThat(text.replaceAll("\\s+", "")).contains("数据未到数据未到");
        // the same zeros with the day arrived are figures
        String arrived = text(write(notArrived.withRevision(1, List.of(), null), folder.resolve("arrived-daily.pdf")));
        assertThat(arrived.replaceAll("[ \\t]+", " ")).contains("南海区 0 0.00 0 0.00 0 0.00 0 0.00 —").contains("本期无警情");
    }

    @Test
    void aDayNotArrivedIsAGapInTheTrend_whoseHeadingSaysSo() throws Exception {
        BulletinData data = SampleBulletins.daily().withTrendNotArrived(List.of(SampleBulletins.TO));
        String text = text(write(data, folder.resolve("not-arrived.pdf"))).replaceAll("\\s+", "");
        assertThat(text).contains("四、近30日警情及止付金额走势（10月24日数据未到，图中空缺）");
        assertThat(text(render(SampleBulletins.daily())).replaceAll("\\s+", "")).contains("四、近30日警情及止付金额走势五、");
        List<Map<String, Object>> rows = TrendChart.rows(data).stream().map(r -> new java.util.HashMap<String, Object>(r))
                .map(r -> (Map<String, Object>) r).toList();
        assertThat(rows.get(29)).containsEntry("day", "10-24").containsEntry("cases", null).containsEntry("stop_amount", null);
        assertThat(rows.get(28)).containsEntry("cases", 16L).containsEntry("stop_amount", new java.math.BigDecimal("400000.00"));
        assertThat(TrendChart.named(List.of(java.time.LocalDate.parse("2022-12-05"), java.time.LocalDate.parse("2022-12-07"))))
                .isEqualTo("12月5日、12月7日");
        assertThat(TrendChart.named(SampleBulletins.daily().days().stream().limit(4).map(d -> d.day()).toList()))
                .isEqualTo("9月25日等4天");
    }

    /** The heading's two parts at their longest take two lines, and the second is printed (review 33b: cut off). */
    @Test
    void aTrendHeadingOfTwoLinesIsPrintedWhole() throws Exception {
        BulletinData base = SampleBulletins.daily();
        List<java.time.LocalDate> days = base.days().stream().map(d -> d.day()).toList();
        BulletinData data = base.withGaps(new org.fraudstats.bulletin.BaseGaps(List.of(), List.of(), List.of(),
                        new org.fraudstats.bulletin.BaseGaps.BeforeRecords(days.get(6), false, false, true)))
                .withTrendNotArrived(List.of(days.get(12), days.get(14), days.get(16)));
        String heading = TrendChart.heading(data);
        assertThat(heading).isEqualTo("四、近30日警情及止付金额走势（10月1日前无记录，10月7日、10月9日、10月11日数据未到，图中空缺）");

        String text = text(write(data, folder.resolve("two-line-heading.pdf"))).replaceAll("\\s+", "");

        assertThat(text).contains(heading + "五、");
    }

    /** A family JasperReports dropped (its copy into a full temporary folder failed) stops the render (tester E). */
    @Test
    void aFontFamilyJasperReportsCouldNotLoadStopsTheRender() {
        assertThat(FontCheck.family(FontCheck.FAMILY).getName()).isEqualTo("Noto Serif CJK SC");
        assertThatThrownBy(() -> FontCheck.family("Noto Serif CJK XX")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the bulletin font Noto Serif CJK XX could not be loaded (the log says why; most often no room in "
                        + "the temporary folder " + System.getProperty("java.io.tmpdir") + ", where Java copies fonts): nothing "
                        + "was rendered; make room, then run again (restart serve)");
    }

    @Test
    void shouldRefuseATitleTheFontCannotDraw() {
        BulletinData data = SampleBulletins.range();
        BulletinData rare = new BulletinData(data.kind(), data.from(), data.to(), data.issue(), "关于𠀀的通报", data.summary(),
                data.areas(), data.yoyBase(), data.popBase(), data.fraudTypes(), data.days(), data.ytd(), data.ytdLastYear(),
                data.provenance());
        assertThatThrownBy(() -> pdf.write(rare, OutputStream.nullOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("𠀀");
    }

    /**
     * A string literal or any computation in an expression would make JasperReports compile Java with javac,
     * which fails inside a Spring Boot jar (javac cannot read nested jars) and on a JRE.
     */
    @Test
    void shouldCompileEveryTemplateWithoutJava() throws Exception {
        for (String name : List.of("bulletin", "district-figures", "district-changes", "fraud-types", "year-to-date")) {
            JasperReport report = JasperCompileManager.compileReport(Path.of("report-templates/bulletin", name + ".jrxml").toString());
            JRReportCompileData compiled = (JRReportCompileData) report.getCompileData();
            List<Serializable> datasets = new ArrayList<>();
            datasets.add(compiled.getMainDatasetCompileData());
            for (JRDataset dataset : report.getDatasets() == null ? new JRDataset[0] : report.getDatasets()) {
                datasets.add(compiled.getDatasetCompileData(dataset));
            }
            assertThat(datasets).as(name).allSatisfy(data ->
                    assertThat(((ReportExpressionEvaluationData) data).getCompileData()).as(name + ": Java compiled").isNull());
        }
    }

    /** A full disk is said by its own cause, not by the exporter's wrapping of it (an operator's night on a full disk). */
    @Test
    void aWriteThatFailsIsSaidByItsOwnCause() {
        OutputStream fullDisk = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> pdf.write(SampleBulletins.daily(), fullDisk))
                .isInstanceOf(java.io.IOException.class).hasMessage("No space left on device");
    }

    private Path render(BulletinData data) throws Exception {
        return write(data, folder.resolve(data.kind() + "-" + data.issue() + ".pdf"));
    }

    private static Path write(BulletinData data, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            pdf.write(data, out);
        }
        return file;
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }
}
