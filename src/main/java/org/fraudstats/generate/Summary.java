package org.fraudstats.generate;

/**
 * What a run wrote. Row counts are data rows (header excluded) and include the bad rows, which are also counted
 * on their own; {@code bytes} is the on-disk size of all files, BOMs and line ends included.
 */
public record Summary(int days, long caseRows, long freezeRows, long refundRows, long warningRows, long badRows,
                      long bytes) {

    public long rows() {
        return caseRows + freezeRows + refundRows + warningRows;
    }
}
