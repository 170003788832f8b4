package org.fraudstats.bulletin.look;

import org.fraudstats.metrics.Metric;

/**
 * Every name the bulletins give a metric, in the PDF (templates included: they receive their column headings
 * from here) and the workbook alike. The full name is metrics.md's ({@link Metric#chineseName()}: 电诈警情);
 * narrow columns and the trend charts use a short name (警情); the unit follows in full-width brackets (警情（宗）)
 * everywhere: the PDF's narrow tables wrote them half-width (警情(宗)) beside a chart legend and a table written
 * full-width on the same page (r43a).
 */
public final class Labels {

    private Labels() {
    }

    /** The name a narrow column or a chart gives the metric: 警情 for 电诈警情, 止付中位时长 without its unit. */
    public static String shortName(Metric metric) {
        return switch (metric) {
            case CASES -> "警情";
            case MEDIAN_MINUTES_TO_STOP -> "止付中位时长";
            default -> metric.chineseName();
        };
    }

    public static String unit(Metric metric) {
        return metric.unit();
    }

    /** The full name with its unit, as a row or column heading: 案损金额（元）; the median's name carries its own. */
    public static String withUnit(Metric metric) {
        return metric.nameWithUnit();
    }

    /** The short name with its unit, for the trend charts and the workbook's fraud types: 警情（宗）. */
    public static String shortWithUnit(Metric metric) {
        return shortName(metric) + "（" + unit(metric) + "）";
    }

    /** A heading of the PDF's narrow tables: 警情（宗）, or with the unit on a second line. */
    public static String column(Metric metric, boolean unitOnItsOwnLine) {
        return shortName(metric) + (unitOnItsOwnLine ? "\n" : "") + "（" + unit(metric) + "）";
    }
}
