package org.fraudstats.bulletin.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.look.Colours;
import org.fraudstats.bulletin.look.Labels;
import org.fraudstats.metrics.CityDay;
import org.fraudstats.metrics.Metric;

/**
 * 每日趋势: the city's days as rows and a native Excel chart of them, cases as bars on the left axis and the
 * stop-payment amount as a line on the right. Fills are set explicitly: without them LibreOffice draws the
 * bars with no colour at all.
 */
final class TrendSheet {

    // the short names, as the PDF's trend chart beside it names its bars and line
    private static final String CASES = Labels.shortWithUnit(Metric.CASES);
    private static final String STOP_AMOUNT = Labels.shortWithUnit(Metric.STOP_AMOUNT);
    private static final byte[] CASES_RGB = Colours.bytes(Colours.CASES);
    private static final byte[] STOP_AMOUNT_RGB = Colours.bytes(Colours.STOP_AMOUNT);
    /** Up to this many cases on the busiest day the axis ticks every case; above, Excel's steps are whole. */
    private static final long QUIET_RANGE_MOST_CASES = 10;

    private TrendSheet() {
    }

    static void write(XSSFSheet sheet, WorkbookStyles s, BulletinData data) {
        List<CityDay> days = data.days();
        boolean anyNotArrived = days.stream().anyMatch(d -> data.notArrivedInTrend(d.day()) || data.beforeRecordsInTrend(d.day()));
        if (anyNotArrived) {
            s.headers(sheet.createRow(0), 0, "日期", CASES, STOP_AMOUNT, "说明");
        } else {
            s.headers(sheet.createRow(0), 0, "日期", CASES, STOP_AMOUNT);
        }
        int r = 1;
        for (CityDay day : days) {
            Row row = sheet.createRow(r++);
            s.date(row, 0, day.day());
            if (data.notArrivedInTrend(day.day()) || data.beforeRecordsInTrend(day.day())) {
                // empty, as the PDF's chart leaves it: a 0 here drew the day as one without fraud (tester A)
                row.createCell(1).setCellStyle(s.count);
                row.createCell(2).setCellStyle(s.money);
                s.text(row, 3, data.beforeRecordsInTrend(day.day()) ? "无记录" : "数据未到", s.text);
            } else {
                s.count(row, 1, day.cases());
                s.money(row, 2, day.stopAmount());
            }
        }
        sheet.setColumnWidth(0, WorkbookStyles.width(12));
        sheet.setColumnWidth(1, WorkbookStyles.width(10));
        sheet.setColumnWidth(2, WorkbookStyles.width(18));
        if (anyNotArrived) {
            sheet.setColumnWidth(3, WorkbookStyles.width(10));
        }
        sheet.createFreezePane(0, 1);
        WorkbookStyles.printA4(sheet, true, true, 1);
        if (!days.isEmpty()) {
            chart(sheet, days);
        }
    }

    private static void chart(XSSFSheet sheet, List<CityDay> days) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 4, 1, 18, 24);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("每日警情及止付金额");
        chart.setTitleOverlay(false);
        // a day whose data has not arrived is an empty cell: a gap, not a fall to 0 (the file format's default,
        // which LibreOffice applies when the chart does not say; review)
        chart.displayBlanksAs(org.apache.poi.xddf.usermodel.chart.DisplayBlanks.GAP);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.TOP);

        int last = days.size();
        // The labels are the cached text; the reference keeps the chart tied to the date cells of column A.
        String[] labels = days.stream().map(d -> d.day().toString()).toArray(String[]::new);
        XDDFCategoryDataSource dates = XDDFDataSourcesFactory.fromArray(labels,
                new CellRangeAddress(1, last, 0, 0).formatAsString(sheet.getSheetName(), true));
        XDDFNumericalDataSource<Double> cases = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, 1, 1));
        XDDFNumericalDataSource<Double> stopAmount = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, 2, 2));

        XDDFCategoryAxis dayAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        dayAxis.setNumberFormat("mm-dd");
        XDDFValueAxis casesAxis = chart.createValueAxis(AxisPosition.LEFT);
        casesAxis.setTitle(CASES);
        casesAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        casesAxis.setNumberFormat(WorkbookStyles.COUNT);
        // cases are whole; on a quiet range Excel's own step is 0.5, whose labels "#,##0" rounds (0, 1, 1, 2, 2…)
        if (days.stream().mapToLong(CityDay::cases).max().orElse(0) <= QUIET_RANGE_MOST_CASES) {
            casesAxis.setMajorUnit(1);
        }
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, dayAxis, casesAxis);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        XDDFBarChartData.Series casesSeries = (XDDFBarChartData.Series) bars.addSeries(dates, cases);
        casesSeries.setTitle(CASES, null);
        casesSeries.setShapeProperties(solid(CASES_RGB));
        chart.plot(bars);

        // The line gets its own, hidden category axis so that its value axis can sit on the right.
        XDDFCategoryAxis hiddenDays = chart.createCategoryAxis(AxisPosition.BOTTOM);
        hiddenDays.setVisible(false);
        XDDFValueAxis amountAxis = chart.createValueAxis(AxisPosition.RIGHT);
        amountAxis.setTitle(STOP_AMOUNT);
        amountAxis.setCrosses(AxisCrosses.MAX);
        amountAxis.setNumberFormat(WorkbookStyles.COUNT);
        hiddenDays.crossAxis(amountAxis);
        amountAxis.crossAxis(hiddenDays);
        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, hiddenDays, amountAxis);
        line.setVaryColors(false);
        XDDFLineChartData.Series amountSeries = (XDDFLineChartData.Series) line.addSeries(dates, stopAmount);
        amountSeries.setTitle(STOP_AMOUNT, null);
        amountSeries.setSmooth(false);
        amountSeries.setMarkerStyle(MarkerStyle.CIRCLE);
        XDDFShapeProperties lineShape = new XDDFShapeProperties();
        XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(STOP_AMOUNT_RGB)));
        stroke.setWidth(1.75);
        lineShape.setLineProperties(stroke);
        amountSeries.setShapeProperties(lineShape);
        // Excel colours markers from its theme, not from the line; give them the line's red.
        amountSeries.getCTLineSer().getMarker().setSpPr(solid(STOP_AMOUNT_RGB).getXmlObject());
        chart.plot(line);
    }

    private static XDDFShapeProperties solid(byte[] rgb) {
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        shape.setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.WHITE))));
        return shape;
    }
}
