package org.fraudstats.bulletin.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontCharset;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;

/**
 * The workbook's cell styles and the one way each kind of figure is written: a number with a number format,
 * never a formula and never text, so analysts can sort and sum what they may. Changes are stored as the
 * percent figure metrics prints (-7.2) with the format {@code +#,##0.0"%"} (its sign shown), not as a fraction, so the cell holds
 * exactly the published number.
 */
final class WorkbookStyles {

    static final String MONEY = "¥#,##0.00";
    static final String COUNT = "#,##0";
    /** A rise with its sign, digits grouped, as the PDF and the mail say it (metrics.Change.said). */
    static final String PERCENT = "+#,##0.0\"%\";-#,##0.0\"%\";0.0\"%\"";
    /** Grouped as the PDF prints it (2,732.1): the workbook said 2732.1 beside it (review 31b). */
    static final String MINUTES = "#,##0.0";
    static final String DATE = "yyyy-mm-dd";

    /** Chinese Windows has 宋体; elsewhere the viewer substitutes a CJK font of its own. */
    static final String FONT = "宋体";
    /** The significant digits a double holds for any value: IEEE 754's 15 (Excel shows no more either). */
    private static final int EXACT_DIGITS = 15;

    /** Excel's column width unit is 1/256 of a character; a hanzi is two. */
    static int width(int characters) {
        return characters * 256 + 512;
    }

    final CellStyle title;
    final CellStyle line;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle header;
    final CellStyle group;
    final CellStyle money;
    final CellStyle count;
    final CellStyle percent;
    final CellStyle notComputed;
    final CellStyle minutes;
    final CellStyle date;
    /** A figure too long for a spreadsheet's number, written as its exact digits. */
    final CellStyle exactText;

    WorkbookStyles(XSSFWorkbook workbook) {
        Font plain = font(workbook, false, (short) 11);
        Font bold = font(workbook, true, (short) 11);
        Font big = font(workbook, true, (short) 14);
        big.setColor(IndexedColors.RED.getIndex());
        title = style(workbook, big, null, false);
        line = style(workbook, plain, null, false);
        text = style(workbook, plain, null, true);
        wrapped = style(workbook, plain, null, true);
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        header = style(workbook, bold, null, true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        // Left-aligned: a wide merged group heading centred over several printed pages shows on none of them.
        group = style(workbook, bold, null, true);
        group.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        group.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        money = style(workbook, plain, MONEY, true);
        count = style(workbook, plain, COUNT, true);
        percent = style(workbook, plain, PERCENT, true);
        notComputed = style(workbook, plain, null, true);
        notComputed.setAlignment(HorizontalAlignment.RIGHT);
        minutes = style(workbook, plain, MINUTES, true);
        date = style(workbook, plain, DATE, true);
        exactText = style(workbook, plain, "@", true);
        exactText.setAlignment(HorizontalAlignment.RIGHT);
    }

    /** A figure of metrics.md in its own format; an undefined one (median with no case) is left empty. */
    void figure(Row row, int column, Metric metric, AreaFigures area) {
        BigDecimal value = area.value(metric);
        Cell cell = row.createCell(column);
        CellStyle style = switch (metric.kind()) {
            case COUNT -> count;
            case MONEY -> money;
            case MINUTES -> minutes;
        };
        if (value == null) {
            // empty, in the format a figure typed into it takes (the median's alone until now, whatever the metric)
            cell.setCellStyle(style);
            return;
        }
        number(cell, value, style);
    }

    /**
     * A spreadsheet's number is a double: past 15 significant digits it is no longer the figure (9999999999999999.99
     * yuan became 1e16, and the workbook disagreed with the PDF and metrics; tester A). Such a figure is written as
     * its exact digits, as text, where a formula cannot take it for a number.
     */
    private void number(Cell cell, BigDecimal value, CellStyle style) {
        if (value.stripTrailingZeros().precision() > EXACT_DIGITS) {
            // as its column shows its numbers (¥ and separators, a change's sign and %): the bare digits read as a
            // plain number in a column of changes, beside cells that said +999,900.0% (r41a)
            cell.setCellValue(shownAs(value, style));
            cell.setCellStyle(exactText);
            return;
        }
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private String shownAs(BigDecimal value, CellStyle style) {
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        int decimals = style == money ? 2 : style == count ? 0 : 1;
        java.text.DecimalFormat grouped = new java.text.DecimalFormat("#,##0", symbols);
        // never rounded: the figure's own digits, at least as many decimals as the column shows
        grouped.setMinimumFractionDigits(decimals);
        grouped.setMaximumFractionDigits(Math.max(decimals, value.stripTrailingZeros().scale()));
        grouped.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
        String digits = grouped.format(value);
        if (style == money) {
            return "¥" + digits;
        }
        if (style == percent) {
            return (value.signum() > 0 ? "+" : "") + digits + "%";
        }
        return digits;
    }

    /**
     * Widens each column holding figures to its longest figure as shown, the widths set for each sheet being the
     * least: Excel shows a number wider than its column as ####, as a national year to date past ¥10,000,000,000.00
     * in a column of 16 characters or a change past +1,000,000.0% in one of 10 would have been (r41a).
     */
    void widenToFit(Sheet sheet) {
        org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
        java.util.Map<Integer, Integer> longest = new java.util.TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                boolean figure = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        || cell.getCellStyle().getIndex() == exactText.getIndex();
                if (figure) {
                    String text = shown.formatCellValue(cell);
                    longest.merge(cell.getColumnIndex(), text.codePointCount(0, text.length()), Math::max);
                }
            }
        }
        longest.forEach((column, characters) -> {
            if (sheet.getColumnWidth(column) < width(characters)) {
                sheet.setColumnWidth(column, width(characters));
            }
        });
    }

    /** A change in percent; empty when the base is 0, as metrics leaves it. */
    void change(Row row, int column, Optional<BigDecimal> change) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(percent);
        // through the figures' guard: an absurd change past 15 significant digits is its exact digits, as text (review 31b)
        change.ifPresent(c -> number(cell, c, percent));
    }

    /** "不计算" where a figure has no change by its definition (the median: metrics.md), right-aligned as the changes. */
    void notComputed(Row row, int column) {
        Cell cell = row.createCell(column);
        cell.setCellValue("不计算");
        cell.setCellStyle(notComputed);
    }

    void money(Row row, int column, BigDecimal amount) {
        number(row.createCell(column), amount, money);
    }

    void count(Row row, int column, long n) {
        Cell cell = row.createCell(column);
        cell.setCellValue(n);
        cell.setCellStyle(count);
    }

    void date(Row row, int column, LocalDate day) {
        Cell cell = row.createCell(column);
        cell.setCellValue(day);
        cell.setCellStyle(date);
    }

    void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    void headers(Row row, int first, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            text(row, first + i, labels[i], header);
        }
    }

    /**
     * A4 with the header rows repeated on every printed page; fitted to the page width unless the sheet is too
     * wide to be read that small, in which case it runs over several pages.
     */
    static void printA4(Sheet sheet, boolean landscape, boolean fitWidth, int headerRows) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        if (fitWidth) {
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
        }
        if (headerRows > 0) {
            sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(0, headerRows - 1, -1, -1));
        }
        // on every printed page, as the PDF carries it under its masthead
        sheet.getHeader().setLeft(org.fraudstats.bulletin.Marking.TEXT);
    }

    private static Font font(XSSFWorkbook workbook, boolean bold, short points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setCharSet(FontCharset.GB2312.getValue());
        font.setFontHeightInPoints(points);
        font.setBold(bold);
        return font;
    }

    private static CellStyle style(XSSFWorkbook workbook, Font font, String format, boolean border) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (format != null) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
