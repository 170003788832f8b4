package org.fraudstats.bulletin.pdf;

import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Rows that every reader reads from the first: once a reader has seen the end, the next one starts over.
 * The trend chart needs this: its two axes read the same days, and JasperReports reads the first axis's
 * dataset twice (once as the chart's main dataset), so a plain data source would leave the bars empty.
 */
final class ReplayedRows implements JRRewindableDataSource {

    private final JRMapCollectionDataSource rows;

    ReplayedRows(List<Map<String, ?>> rows) {
        this.rows = new JRMapCollectionDataSource(rows);
    }

    @Override
    public boolean next() throws JRException {
        if (rows.next()) {
            return true;
        }
        rows.moveFirst();
        return false;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        return rows.getFieldValue(field);
    }

    @Override
    public void moveFirst() throws JRException {
        rows.moveFirst();
    }
}
