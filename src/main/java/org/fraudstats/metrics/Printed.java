package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a bulletin and its mail write a figure for people: exactly, with thousands separators, the same on every
 * server whatever its locale (1,278,747.65). Rounding is refused (UNNECESSARY), so a figure not already exact at its
 * scale fails loudly instead of being printed as something metrics never said. The portal's 统计数据 writes them so
 * too; the CLI and the API write figures plainly, as scripts and spreadsheets read them.
 */
public final class Printed {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Printed() {
    }

    public static String money(BigDecimal yuan) {
        return decimal("#,##0.00").format(yuan);
    }

    public static String count(long n) {
        return decimal("#,##0").format(n);
    }

    public static String minutes(BigDecimal minutes) {
        return decimal("#,##0.0").format(minutes);
    }

    // DecimalFormat is not thread-safe and bulletins are filled in parallel: one per call, it is cheap.
    private static DecimalFormat decimal(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format;
    }
}
