package org.fraudstats.bulletin.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.fraudstats.bulletin.look.Colours;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * Gives the trend chart the plain look of a printed bulletin and keeps its day labels legible: JasperReports'
 * default theme paints gradient bars with shadows, and a range of a few months would print every one of its
 * day labels on top of each other. Named in bulletin.jrxml; gives the series the colours of {@link Colours},
 * which the workbook's chart uses too. Changes how the chart looks, never what it shows.
 */
public class TrendChartCustomizer implements JRChartCustomizer {

    private static final int MOST_LABELS = 31;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xD9D9D9));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        // Bars first, the line over them: the default draws the second dataset underneath the first.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        for (int i = 0; i < plot.getRendererCount(); i++) {
            CategoryItemRenderer renderer = plot.getRenderer(i);
            if (renderer instanceof BarRenderer bars) {
                bars.setSeriesPaint(0, Colours.awt(Colours.CASES));
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(false);
                bars.setMaximumBarWidth(0.05);
                // cases are whole: ticks of 2.5 printed through the template's "#,##0" read 0, 2, 5, 8, 10 at equal
                // steps, and a bar of 18 rose above the gridline labelled 18 (tester A)
                if (plot.getRangeAxisForDataset(i) instanceof NumberAxis counts) {
                    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                }
            } else if (renderer instanceof LineAndShapeRenderer line) {
                line.setSeriesPaint(0, Colours.awt(Colours.STOP_AMOUNT));
                line.setSeriesStroke(0, new BasicStroke(1.5f));
                // A marker per day helps read a month; over a quarter the markers hide the line itself.
                line.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
                line.setSeriesShapesVisible(0, days(plot) <= MOST_LABELS);
            }
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) instanceof NumberAxis axis) {
                startAtZero(axis, plot.getDataset(i));
            }
        }
        thinDayLabels(plot);
    }

    /**
     * Cases and amounts are never negative: each axis starts at 0. A period without a case drew both axes around 0,
     * labelled "0, 0, 0, -0, -0" (the template's "#,##0" over steps of 0.2); such an axis now runs 0 to 1 in whole
     * steps. Whole steps only below 10, where they are few: over a national amount they would be millions.
     */
    private static void startAtZero(NumberAxis axis, org.jfree.data.category.CategoryDataset dataset) {
        axis.setRangeType(org.jfree.data.RangeType.POSITIVE);
        axis.setAutoRangeMinimumSize(1.0);
        org.jfree.data.Range values = dataset == null ? null : org.jfree.data.general.DatasetUtils.findRangeBounds(dataset);
        if (values == null || values.getUpperBound() < 10) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    private static int days(CategoryPlot plot) {
        return plot.getCategories() == null ? 0 : plot.getCategories().size();
    }

    // Every day keeps its bar; only every k-th label is painted, so a label never overlaps the next one.
    private static void thinDayLabels(CategoryPlot plot) {
        CategoryAxis axis = plot.getDomainAxis();
        @SuppressWarnings("unchecked")
        List<Comparable<?>> days = plot.getCategories();
        if (axis == null || days == null || days.size() <= MOST_LABELS) {
            return;
        }
        int every = (days.size() + MOST_LABELS - 1) / MOST_LABELS;
        for (int i = 0; i < days.size(); i++) {
            if (i % every != 0) {
                axis.setTickLabelPaint(days.get(i), new Color(0, 0, 0, 0));
            }
        }
    }
}
