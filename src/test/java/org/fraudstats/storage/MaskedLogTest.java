package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Every log line masked, and a value from a request kept from starting a line of its own (logback-spring.xml). */
class MaskedLogTest {

    private static final String CARD = "6222" + "6514" + "3642" + "3492";

    @Test
    void aMessageIsMaskedAndItsLineBreaksContinueIndented() {
        LoggingEvent event = event("Parameter [card] with value [" + CARD + "%] a\r\n20:27:00.000+08:00 INFO  o.f.access - forged");
        assertThat(new MaskedLog.Message().convert(event))
                .isEqualTo("Parameter [card] with value [************3492%] a\n    20:27:00.000+08:00 INFO  o.f.access - forged");
    }

    @Test
    void aStackTraceIsMaskedLineByLine() {
        LoggingEvent event = event("failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new IllegalStateException("Character decoding failed. Parameter [card] with value [" + CARD + "]")));
        MaskedLog.Trace trace = new MaskedLog.Trace();
        trace.setContext(new LoggerContext());
        trace.start();
        assertThat(trace.convert(event)).contains("value [************3492]").doesNotContain(CARD)
                .contains("at org.fraudstats.storage.MaskedLogTest");
    }

    @Test
    void aLineLongerThanOneValueIsMaskedWhole() {
        String line = "x".repeat(DigitRuns.LONGEST - 5) + " card " + CARD + " and " + "y".repeat(2000) + " " + CARD;
        String masked = MaskedLog.maskLines(line);
        assertThat(masked).doesNotContain(CARD).hasSize(line.length()).endsWith(" ************3492");
    }

    private static LoggingEvent event(String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.ERROR);
        event.setMessage(message);
        return event;
    }
}
