package org.fraudstats.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.fraudstats.settings.BusinessTime;

/**
 * A clock the test sets to a moment, from which it runs on, at real speed or faster ({@code rate} clock
 * nanoseconds per real one). Declared as a @Primary Clock bean it is the application's one clock: the schedules,
 * `nightly`'s default date and the bulletins' generated-at time see business time; Quartz keeps firing on real time.
 */
public final class TestClock extends Clock {

    private record Anchor(Instant at, long nanos) {
    }

    private final AtomicReference<Anchor> anchor;
    private final long rate;
    private final ZoneId zone;

    public TestClock(Instant start, long rate) {
        this(new AtomicReference<>(new Anchor(start, System.nanoTime())), rate, BusinessTime.ZONE);
    }

    private TestClock(AtomicReference<Anchor> anchor, long rate, ZoneId zone) {
        this.anchor = anchor;
        this.rate = rate;
        this.zone = zone;
    }

    /** From now on the clock reads {@code now}, and runs on from there. */
    public void set(Instant now) {
        anchor.set(new Anchor(now, System.nanoTime()));
    }

    @Override
    public Instant instant() {
        Anchor a = anchor.get();
        return a.at().plusNanos((System.nanoTime() - a.nanos()) * rate);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(anchor, rate, other);
    }
}
