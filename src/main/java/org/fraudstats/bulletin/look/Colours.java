package org.fraudstats.bulletin.look;

import java.awt.Color;

/**
 * The colours of the trend chart, which the PDF (through TrendChartCustomizer) and the workbook's native
 * chart both draw, so the two documents read alike. The masthead's red is the stop-payment red, set in the
 * template's "red" style; the workbook's cells keep Excel's own palette (red title, grey headings).
 */
public final class Colours {

    /** The bars: cases per day. */
    public static final int CASES = 0x7F9CCB;
    /** The line: stop-payment amount per day, the red of the 通报. */
    public static final int STOP_AMOUNT = 0xD7000F;

    private Colours() {
    }

    public static Color awt(int rgb) {
        return new Color(rgb);
    }

    public static byte[] bytes(int rgb) {
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }
}
