package org.fraudstats.bulletin.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class TrendChartCustomizerTest {

    /** The cases axis ticks on whole numbers, so that a label printed as "#,##0" is the value of its gridline. */
    @Test
    void theCasesAxisTicksOnWholeNumbers_theMoneyAxisAsBefore() {
        DefaultCategoryDataset cases = new DefaultCategoryDataset();
        DefaultCategoryDataset money = new DefaultCategoryDataset();
        for (int day = 1; day <= 7; day++) {
            cases.addValue(day == 4 ? 18 : day, "警情", "10-" + day);
            money.addValue(day * 1234.5, "止付金额", "10-" + day);
        }
        CategoryPlot plot = new CategoryPlot(cases, new CategoryAxis(), new NumberAxis(), new BarRenderer());
        plot.setDataset(1, money);
        plot.setRangeAxis(1, new NumberAxis());
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new LineAndShapeRenderer());
        NumberAxis moneyAxis = (NumberAxis) plot.getRangeAxis(1);
        TickUnitSource moneyTicks = moneyAxis.getStandardTickUnits();

        new TrendChartCustomizer().customize(new JFreeChart(plot), null);

        TickUnitSource caseTicks = ((NumberAxis) plot.getRangeAxis(0)).getStandardTickUnits();
        for (double wanted : new double[] {0.3, 2.5, 7.5, 25}) {
            double size = caseTicks.getCeilingTickUnit(wanted).getSize();
            assertThat(size % 1).as("tick for %s", wanted).isZero();
        }
        assertThat(caseTicks.getCeilingTickUnit(2.5).getSize()).isEqualTo(5.0);
        assertThat(moneyAxis.getStandardTickUnits()).isSameAs(moneyTicks);
    }

    /** A period without a case drew both axes around 0, labelled "0, 0, 0, -0, -0": each runs 0 to 1 in whole steps. */
    @Test
    void aPeriodWithoutACaseHasAxesFromZeroToOneInWholeSteps_anAxisOfAmountsStartsAtZero() {
        DefaultCategoryDataset cases = new DefaultCategoryDataset();
        DefaultCategoryDataset money = new DefaultCategoryDataset();
        for (int day = 1; day <= 7; day++) {
            cases.addValue(0, "警情", "10-" + day);
            money.addValue(day == 7 ? null : 0, "止付金额", "10-" + day);
        }
        CategoryPlot plot = plot(cases, money);

        new TrendChartCustomizer().customize(new JFreeChart(plot), null);

        for (int axis = 0; axis < 2; axis++) {
            NumberAxis numbers = (NumberAxis) plot.getRangeAxis(axis);
            assertThat(numbers.getLowerBound()).as("axis %d", axis).isZero();
            assertThat(numbers.getUpperBound()).as("axis %d", axis).isEqualTo(1.0);
            assertThat(numbers.getStandardTickUnits().getCeilingTickUnit(0.2).getSize()).as("axis %d", axis).isEqualTo(1.0);
        }

        DefaultCategoryDataset big = new DefaultCategoryDataset();
        for (int day = 1; day <= 7; day++) {
            big.addValue(1_000_000 + day * 1234.5, "止付金额", "10-" + day);
        }
        CategoryPlot amounts = plot(cases, big);
        new TrendChartCustomizer().customize(new JFreeChart(amounts), null);
        assertThat(amounts.getRangeAxis(1).getLowerBound()).isZero();
    }

    private static CategoryPlot plot(DefaultCategoryDataset cases, DefaultCategoryDataset money) {
        CategoryPlot plot = new CategoryPlot(cases, new CategoryAxis(), new NumberAxis(), new BarRenderer());
        plot.setDataset(1, money);
        plot.setRangeAxis(1, new NumberAxis());
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new LineAndShapeRenderer());
        return plot;
    }
}
