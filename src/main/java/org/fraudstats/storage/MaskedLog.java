package org.fraudstats.storage;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * What every log line goes through (logback-spring.xml): an account number in a message or a stack trace is masked
 * by {@link DigitRuns}, and a line break inside a message continues it indented, so that a value from a request
 * cannot start a line of its own. Tomcat logged a query parameter it could not decode, value and all, at ERROR with
 * its stack trace: anyone could write a card number, or a forged log line after CR LF, into the server's log
 * without signing in.
 */
public final class MaskedLog {

    private MaskedLog() {
    }

    /** {@code %maskedMsg}: the message, masked, its own line breaks turned into indented continuation lines. */
    public static final class Message extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return maskLines(event.getFormattedMessage()).replace("\n", "\n    ");
        }
    }

    /**
     * {@code %maskedEx}: the stack trace, each line masked (a message quoted in it as well). The database out of
     * reach is one line instead: its traces, from every page, the session cleanup and Quartz's cluster check-in, said
     * nothing but "refused" in 2,000 lines a minute, among which the line that mattered was lost. They come back with
     * {@code logging.level.org.fraudstats.storage.DatabaseDown=DEBUG}.
     */
    public static final class Trace extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            if (event.getThrowableProxy() instanceof ch.qos.logback.classic.spi.ThrowableProxy proxy
                    && DatabaseDown.isCause(proxy.getThrowable())
                    && !org.slf4j.LoggerFactory.getLogger(DatabaseDown.class).isDebugEnabled()) {
                return "    the database is not reachable: " + DatabaseDown.why(proxy.getThrowable())
                        + ch.qos.logback.core.CoreConstants.LINE_SEPARATOR;
            }
            return super.convert(event);
        }

        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return maskLines(super.throwableProxyToString(proxy));
        }
    }

    /** Each line masked on its own (DigitRuns cuts one value at its longest), CR and CR LF read as a line break. */
    static String maskLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(maskLong(lines[i]));
        }
        return out.toString();
    }

    /** A line longer than DigitRuns masks whole is masked in pieces cut after a letter, where no number runs on. */
    private static String maskLong(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int start = 0;
        while (line.length() - start > DigitRuns.LONGEST) {
            // after a letter no rule reads as a digit: a number in spoken digits or with an O showed whole (review r35e)
            int end = DigitRuns.cut(line, start);
            if (end == start) {
                end = start + DigitRuns.LONGEST;
            }
            out.append(DigitRuns.mask(line.substring(start, end)));
            start = end;
        }
        return out.append(DigitRuns.mask(line.substring(start))).toString();
    }
}
