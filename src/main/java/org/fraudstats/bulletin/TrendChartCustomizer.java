package org.fraudstats.bulletin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * Gives the trend chart the plain look of a printed bulletin and keeps its day labels legible: JasperReports'
 * default theme paints gradient bars with shadows, and a range of a few months would print every one of its
 * day labels on top of each other. Named in bulletin.jrxml, which also sets the series colours; changes how
 * the chart looks, never what it shows.
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
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(false);
                bars.setMaximumBarWidth(0.05);
            } else if (renderer instanceof LineAndShapeRenderer line) {
                // a marker per day reads well for a month; over a quarter or a year markers bury the line
                boolean longSeries = plot.getCategories() != null && plot.getCategories().size() > 62;
                line.setSeriesStroke(0, new BasicStroke(longSeries ? 1.0f : 1.5f));
                line.setSeriesShapesVisible(0, !longSeries);
            }
        }
        thinDayLabels(plot);
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
