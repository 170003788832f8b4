package org.fraudstats.bulletin.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fraudstats.bulletin.RevisionChanges;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.DataNote;
import org.fraudstats.bulletin.data.DistrictTable;
import org.fraudstats.bulletin.data.FraudTypeRanking;
import org.fraudstats.bulletin.data.FraudTypeRow;
import org.fraudstats.bulletin.data.Masthead;
import org.fraudstats.bulletin.data.Provenance;
import org.fraudstats.bulletin.data.YearToDate;
import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.bulletin.look.Labels;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.Definitions;
import org.fraudstats.metrics.Metric;
import org.fraudstats.press.UnusualNote;
import org.springframework.stereotype.Component;

/**
 * The bulletin as an Excel workbook for analysts: the same figures as the PDF, as numbers with number formats.
 * XSSF rather than streaming SXSSF, because the trend sheet carries a chart and the workbook is small.
 * Column widths are fixed: autoSizeColumn measures hanzi with whatever font the server has, usually wrongly.
 */
@Component
public final class BulletinWorkbook {

    static final String SUMMARY = "摘要";
    static final String DISTRICTS = "分区统计";
    static final String FRAUD_TYPES = "诈骗类型";
    static final String TREND = "每日趋势";
    static final String DATA_QUALITY = "数据质量";
    static final String DEFINITIONS = "统计口径";

    private static final List<Metric> ALL = List.of(Metric.values());
    private static final List<Metric> COMPARABLE = ALL.stream().filter(Metric::comparable).toList();

    private final Catalog catalog;

    BulletinWorkbook(Catalog catalog) {
        this.catalog = catalog;
    }

    public void write(BulletinData data, OutputStream out) throws IOException {
        DistrictTable table = new DistrictTable(data, catalog);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            Masthead masthead = Masthead.of(data, catalog);
            summary(workbook.createSheet(SUMMARY), styles, data, masthead, table);
            districts(workbook.createSheet(DISTRICTS), styles, table);
            fraudTypes(workbook.createSheet(FRAUD_TYPES), styles, data);
            TrendSheet.write(workbook.createSheet(TREND), styles, data);
            dataQuality(workbook.createSheet(DATA_QUALITY), styles, data, table);
            definitions(workbook.createSheet(DEFINITIONS), styles);
            for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                styles.widenToFit(sheet);
            }
            var properties = workbook.getProperties().getCoreProperties();
            properties.setTitle(masthead.title() + data.revisionMark());
            properties.setSubjectProperty(data.title() + data.revisionMark());
            properties.setCreator(masthead.organisation());
            // POI's own exception for a part it could not write says no cause: the stream's failure does
            org.fraudstats.storage.FirstWriteFailure.write(out, workbook::write);
        }
    }

    private static void summary(XSSFSheet sheet, WorkbookStyles s, BulletinData data, Masthead masthead, DistrictTable table) {
        s.text(sheet.createRow(0), 0, masthead.organisation() + " " + masthead.heading(), s.title);
        s.text(sheet.createRow(1), 0, masthead.period(), s.line);
        s.text(sheet.createRow(2), 0, data.title() + data.revisionMark(), s.line);
        // row 3 is the daily bulletin's 异常提示, said before the summary as in the PDF; a range leaves it empty
        if (data.unusual() != null) {
            paragraph(sheet, s, 3, UnusualNote.HEADING + "：" + data.unusual());
        }
        // the 数据未到 notice opens the summary, as in the PDF: a reader of the workbook alone took the zeros of a day
        // whose data had not come for figures (tester); the 数据质量 sheet says it again
        paragraph(sheet, s, 4, data.summaryWithNotice());

        Row header = sheet.createRow(6);
        // the first year's year to date counts from the first record, as the PDF's heading says (此前无记录)
        String yearToDate = data.ytd().from().getDayOfYear() == 1 ? "今年以来"
                : "今年以来（" + Formats.monthDay(data.ytd().from()) + "起，此前无记录）";
        String lastYear = data.gaps().noRecords().lastYearToDate() ? "去年同期（无记录）"
                : YearToDate.lastYearBeforeRecords(data).map(day -> "去年同期（" + day + "前无记录）").orElse("去年同期");
        s.headers(header, 0, "全市指标", "本期", yoyBase(table.gaps()), "同比", popBase(table.gaps()), "环比", yearToDate, lastYear, "今年以来同比");
        DistrictTable.Row city = table.city();
        int r = 7;
        for (Metric metric : ALL) {
            Row row = sheet.createRow(r++);
            s.text(row, 0, Labels.withUnit(metric), s.text);
            s.figure(row, 1, metric, city.current());
            s.figure(row, 2, metric, city.yoyBase());
            s.figure(row, 4, metric, city.popBase());
            s.figure(row, 6, metric, data.ytd());
            s.figure(row, 7, metric, data.ytdLastYear());
            if (metric.comparable()) {
                s.change(row, 3, city.yoy(metric));
                s.change(row, 5, city.pop(metric));
                s.change(row, 8, YearToDate.row(data, metric).change());
            } else {
                // said as the PDF says it: an empty change reads "基期数为0" by the note under the table (tester)
                for (int c : new int[] {3, 5, 8}) {
                    s.notComputed(row, c);
                }
            }
        }
        int[] widths = {20, 16, 16, 10, 16, 10, 16, 16, 12};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, WorkbookStyles.width(widths[c]));
        }
        sheet.createFreezePane(0, 1);
        WorkbookStyles.printA4(sheet, true, true, 1);
    }

    /**
     * A base wholly before the records is named so, as 去年同期（无记录） is: its 0s read as "0宗 last year" beside an
     * unmarked heading, only the 数据质量 sheet saying why (review 31b).
     */
    private static String yoyBase(org.fraudstats.bulletin.BaseGaps gaps) {
        return gaps.noRecords().yoy() ? "同比基期（无记录）" : "同比基期";
    }

    private static String popBase(org.fraudstats.bulletin.BaseGaps gaps) {
        return gaps.noRecords().pop() ? "环比基期（无记录）" : "环比基期";
    }

    /** A text across A:I, wrapped. */
    private static void paragraph(XSSFSheet sheet, WorkbookStyles s, int r, String text) {
        Row row = sheet.createRow(r);
        s.text(row, 0, text, s.wrapped);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 8));
        // Excel does not grow a merged row to fit wrapped text; about 60 hanzi fit on one line of A:I.
        row.setHeightInPoints(15f * Math.max(1, (text.length() + 59) / 60) + 4);
    }

    private static void districts(XSSFSheet sheet, WorkbookStyles s, DistrictTable table) {
        // first: POI writes the columns in the order their widths were set, and A and B set after the figures' came
        // last in the file, where a spreadsheet reading them in order took the default width (names cut by C; tester A)
        sheet.setColumnWidth(0, WorkbookStyles.width(9));
        sheet.setColumnWidth(1, WorkbookStyles.width(8));
        Row groups = sheet.createRow(0);
        Row labels = sheet.createRow(1);
        s.headers(groups, 0, "区域", "");
        s.headers(labels, 0, "区域代码", "区域");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        int c = 2;
        c = group(sheet, s, groups, labels, c, "本期", ALL);
        c = group(sheet, s, groups, labels, c, "同比（%）", COMPARABLE);
        c = group(sheet, s, groups, labels, c, "环比（%）", COMPARABLE);
        c = group(sheet, s, groups, labels, c, yoyBase(table.gaps()), ALL);
        group(sheet, s, groups, labels, c, popBase(table.gaps()), ALL);

        int r = 2;
        for (DistrictTable.Row area : table.rows()) {
            Row row = sheet.createRow(r++);
            s.text(row, 0, area.code(), s.text);
            s.text(row, 1, area.name(), s.text);
            c = 2;
            for (Metric metric : ALL) {
                s.figure(row, c++, metric, area.current());
            }
            for (Metric metric : COMPARABLE) {
                s.change(row, c++, area.yoy(metric));
            }
            for (Metric metric : COMPARABLE) {
                s.change(row, c++, area.pop(metric));
            }
            for (Metric metric : ALL) {
                s.figure(row, c++, metric, area.yoyBase());
            }
            for (Metric metric : ALL) {
                s.figure(row, c++, metric, area.popBase());
            }
        }
        labels.setHeightInPoints(42);
        sheet.createFreezePane(2, 2);
        WorkbookStyles.printA4(sheet, true, false, 2);
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 1));
    }

    private static int group(XSSFSheet sheet, WorkbookStyles s, Row groups, Row labels, int first, String name, List<Metric> metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            s.text(groups, first + i, i == 0 ? name : "", s.group);
            s.text(labels, first + i, Labels.withUnit(metric), s.header);
            sheet.setColumnWidth(first + i, WorkbookStyles.width(metric.kind() == Metric.Kind.MONEY ? 16 : 10));
        }
        sheet.addMergedRegion(new CellRangeAddress(0, 0, first, first + metrics.size() - 1));
        return first + metrics.size();
    }

    private static void fraudTypes(XSSFSheet sheet, WorkbookStyles s, BulletinData data) {
        // named as the PDF's captions and the other sheets name them: a sheet has the room for the full name (r43a)
        s.headers(sheet.createRow(0), 0, "按警情数排名", "按案损金额排名", "类型代码", "诈骗类型",
                Labels.withUnit(Metric.CASES), Labels.withUnit(Metric.LOSS_AMOUNT));
        List<FraudTypeRanking.Ranked> byCases = FraudTypeRanking.byCases(data.fraudTypes());
        List<FraudTypeRanking.Ranked> byLoss = FraudTypeRanking.byLoss(data.fraudTypes());
        int r = 1;
        for (FraudTypeRanking.Ranked ranked : byCases) {
            FraudTypeRow type = ranked.type();
            int lossRank = byLoss.stream().filter(l -> l.type() == type).findFirst().orElseThrow().rank();
            Row row = sheet.createRow(r++);
            s.count(row, 0, ranked.rank());
            s.count(row, 1, lossRank);
            s.text(row, 2, type.code(), s.text);
            s.text(row, 3, type.name(), s.text);
            s.count(row, 4, type.cases());
            s.money(row, 5, type.lossAmount());
        }
        int[] widths = {10, 10, 26, 18, 10, 18};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, WorkbookStyles.width(widths[c]));
        }
        sheet.createFreezePane(0, 1);
        WorkbookStyles.printA4(sheet, false, true, 1);
    }

    private static void dataQuality(XSSFSheet sheet, WorkbookStyles s, BulletinData data, DistrictTable table) {
        Provenance p = data.provenance();
        s.headers(sheet.createRow(0), 0, "项目", "内容");
        Row row = sheet.createRow(1);
        s.text(row, 0, "最新入库批次", s.text);
        s.date(row, 1, p.latestDrop());
        row = sheet.createRow(2);
        s.text(row, 0, "已入库行数", s.text);
        s.count(row, 1, p.rowsLoaded());
        row = sheet.createRow(3);
        s.text(row, 0, "拒收行数", s.text);
        s.count(row, 1, p.rowsRejected());
        row = sheet.createRow(4);
        s.text(row, 0, "待处理行数", s.text);
        s.count(row, 1, p.rowsPending());
        row = sheet.createRow(5);
        s.text(row, 0, "作业执行编号", s.text);
        if (p.jobExecutionId() == null) {
            s.text(row, 1, Formats.NONE, s.text);
        } else {
            s.count(row, 1, p.jobExecutionId());
        }
        row = sheet.createRow(6);
        s.text(row, 0, "生成时间（北京时间）", s.text);
        // as text: a date cell is stored as a serial of 16 decimal digits (46362.980310185…), which every scan of mail for
        // account numbers (a run of 12 digits or more) flagged in each statistician's attachment (tester mail32)
        s.text(row, 1, p.generatedAt().toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), s.text);
        row = sheet.createRow(7);
        s.text(row, 0, "统计口径", s.text);
        s.text(row, 1, "见本工作簿“" + DEFINITIONS + "”表", s.wrapped);
        row = sheet.createRow(8);
        s.text(row, 0, "比较基期", s.text);
        s.text(row, 1, DataNote.changesNoteOfWorkbook(table), s.wrapped);
        row = sheet.createRow(9);
        s.text(row, 0, "版本", s.text);
        // worded as the PDF's title line says it (修订版 第2版), not a third way beside it and the portal's (tester 31c)
        s.text(row, 1, data.revision() <= 1 ? "第1版" : "修订版 第" + data.revision() + "版", s.text);
        int next = 10;
        if (data.notice() != null) {
            row = sheet.createRow(next++);
            s.text(row, 0, "提示", s.text);
            s.text(row, 1, data.notice(), s.wrapped);
        }
        // the revisions section: every figure that moved against the previous revision, one per row
        for (String change : RevisionChanges.figures(data.changes())) {
            row = sheet.createRow(next++);
            s.text(row, 0, "修订变化", s.text);
            s.text(row, 1, change, s.wrapped);
        }
        for (String reason : RevisionChanges.reason(data.changes()).stream().toList()) {
            row = sheet.createRow(next++);
            s.text(row, 0, "更正原因", s.text);
            s.text(row, 1, reason.substring(reason.indexOf('：') + 1), s.wrapped);
        }
        sheet.setColumnWidth(0, WorkbookStyles.width(20));
        sheet.setColumnWidth(1, WorkbookStyles.width(64));
        sheet.createFreezePane(0, 1);
        WorkbookStyles.printA4(sheet, false, true, 1);
    }

    /** What every figure counts (metrics.md in Chinese, {@link Definitions}): the workbook travels without the portal. */
    private static void definitions(XSSFSheet sheet, WorkbookStyles s) {
        s.headers(sheet.createRow(0), 0, "指标", "统计口径");
        int next = 1;
        for (Metric metric : ALL) {
            Row row = sheet.createRow(next++);
            s.text(row, 0, metric.chineseName(), s.text);
            s.text(row, 1, Definitions.of(metric), s.wrapped);
        }
        for (String rule : Definitions.general()) {
            Row row = sheet.createRow(next++);
            s.text(row, 0, "通用规则", s.text);
            s.text(row, 1, rule, s.wrapped);
        }
        sheet.setColumnWidth(0, WorkbookStyles.width(20));
        sheet.setColumnWidth(1, WorkbookStyles.width(90));
        sheet.createFreezePane(0, 1);
        WorkbookStyles.printA4(sheet, false, true, 1);
    }
}
