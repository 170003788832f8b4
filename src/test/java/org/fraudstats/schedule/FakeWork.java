package org.fraudstats.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ScheduledWork that records every call (which node, what, when by the node's clock) instead of running the
 * pipeline. A drop is there unless marked missing; {@link #arriveAfter} makes it turn up at the n-th look.
 * Several nodes may share one {@link Calls}, to count across them.
 */
final class FakeWork implements ScheduledWork {

    record Call(String node, String what, LocalDate from, LocalDate to, Path out, Instant at) {
    }

    /** The calls of every node sharing it, in the order made, and how many ran at once at most. */
    static final class Calls {
        final List<Call> list = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        List<LocalDate> days(String what, Path out) {
            return list.stream().filter(c -> c.what().equals(what) && (out == null || c.out().equals(out)))
                    .map(Call::from).toList();
        }

        void clear() {
            list.clear();
            maxInFlight.set(0);
        }
    }

    private final String node;
    private final Calls calls;
    private final Clock clock;
    private final Duration nightlyTakes;
    private final Set<LocalDate> missing = ConcurrentHashMap.newKeySet();
    private final Set<LocalDate> notArrivedInRanges = ConcurrentHashMap.newKeySet();
    private final Set<LocalDate> failing = ConcurrentHashMap.newKeySet();
    private final Set<LocalDate> held = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<LocalDate, AtomicInteger> looksUntilArrival = new ConcurrentHashMap<>();

    FakeWork(String node, Calls calls, Clock clock, Duration nightlyTakes) {
        this.node = node;
        this.calls = calls;
        this.clock = clock;
        this.nightlyTakes = nightlyTakes;
    }

    Calls calls() {
        return calls;
    }

    /** A range bulletin holding this day is published with 数据未到 (its day never loaded), as on a new home. */
    void notArrivedInRanges(LocalDate day) {
        notArrivedInRanges.add(day);
    }

    void missing(LocalDate day) {
        missing.add(day);
    }

    /** The drop of {@code day} is there but its load fails (a required column missing), until {@link #fixed}. */
    void failing(LocalDate day) {
        failing.add(day);
    }

    void fixed(LocalDate day) {
        failing.remove(day);
    }

    /** Another run (a statistician's rerun) holds {@code day}: work on it is refused, as RunLock refuses it. */
    void heldByAnotherRun(LocalDate day) {
        held.add(day);
    }

    void released(LocalDate day) {
        held.remove(day);
    }

    /** The drop of {@code day} is missing at the first {@code looks - 1} looks and there at the n-th. */
    void arriveAfter(LocalDate day, int looks) {
        looksUntilArrival.put(day, new AtomicInteger(looks));
    }

    void reset() {
        missing.clear();
        notArrivedInRanges.clear();
        failing.clear();
        held.clear();
        looksUntilArrival.clear();
        calls.clear();
    }

    @Override
    public int nightly(LocalDate date, Path inbox, Path out) {
        if (failing.contains(date)) {
            calls.list.add(new Call(node, "nightly", date, date, out, clock.instant()));
            // as the pipeline fails on a drop it cannot read, with a value a feed might carry
            throw new IllegalStateException("drop " + date + " not loaded: /inbox/" + date + "/cases.csv: required column "
                    + "'loss_amount' missing from the header (first row 6222" + "0212" + "3456" + "7890)\n\tat somewhere");
        }
        return work("nightly", date, date, out, missing.contains(date) ? 1 : 0);
    }

    @Override
    public int rangeBulletin(LocalDate from, LocalDate to, Path out) {
        if (from.datesUntil(to.plusDays(1)).anyMatch(held::contains)) {
            throw new org.fraudstats.storage.RunLock.Refused("range bulletin " + from + ".." + to + " refused: another run "
                    + "(rerun or nightly) is working on some of these days; try again when it has finished");
        }
        return work("range", from, to, out, from.datesUntil(to.plusDays(1)).anyMatch(notArrivedInRanges::contains) ? 1 : 0);
    }

    @Override
    public boolean dropArrived(LocalDate date, Path inbox) {
        calls.list.add(new Call(node, "dropArrived", date, date, null, clock.instant()));
        AtomicInteger looks = looksUntilArrival.get(date);
        if (looks != null && looks.decrementAndGet() <= 0) {
            missing.remove(date);
            looksUntilArrival.remove(date);
        }
        return !missing.contains(date);
    }

    @Override
    public List<LocalDate> daysNotArrived(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(d -> missing.contains(d) || notArrivedInRanges.contains(d)).toList();
    }

    private int work(String what, LocalDate from, LocalDate to, Path out, int exitCode) {
        int now = calls.inFlight.incrementAndGet();
        calls.maxInFlight.accumulateAndGet(now, Math::max);
        try {
            calls.list.add(new Call(node, what, from, to, out, clock.instant()));
            if (!nightlyTakes.isZero()) {
                Thread.sleep(nightlyTakes.toMillis());
            }
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            calls.inFlight.decrementAndGet();
        }
    }
}
