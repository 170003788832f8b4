package org.fraudstats.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.spi.InstanceIdGenerator;

/**
 * The name of this node in a Quartz cluster, as the log, /runs and schedule_run show it: host, process and since
 * when, {@code fs-node-1:4817@2026-12-05T12:02:08+08:00}. Quartz's own (host and milliseconds, fs-node-11764907328817)
 * ran thirteen digits into one number, which the log's masking of account numbers starred
 * ({@code fs-node-*********8817}): "taken over from …" no longer said which node had died. Unique: one process per pid
 * on a host at a time, the time (to the millisecond, as Quartz's: containers of one name all run as pid 1) telling
 * them apart, and a second scheduler of one process (tests start two nodes in one JVM) numbered ({@code fs-node-1:4817/2@…}).
 */
public final class NodeInstanceId implements InstanceIdGenerator {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));

    private static final AtomicInteger SCHEDULERS = new AtomicInteger();

    @Override
    public String generateInstanceId() {
        return of(host(), ProcessHandle.current().pid(), SCHEDULERS.incrementAndGet(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static String of(String host, long pid, int scheduler, Instant started) {
        return host + ":" + pid + (scheduler > 1 ? "/" + scheduler : "") + "@" + STARTED.format(started);
    }

    private static String host() {
        return org.fraudstats.storage.HostName.of();
    }
}
