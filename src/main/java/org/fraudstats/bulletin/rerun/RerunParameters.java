package org.fraudstats.bulletin.rerun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fraudstats.bulletin.BulletinPublisher.Format;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What a rerun renders, and the one place its job parameters are written and read. Dates travel as ISO
 * strings (a date-typed job parameter does not survive every round trip through the job repository), the
 * folder as an absolute path, the formats as a sorted list: a rerun run again with the same options finds the
 * failed execution to restart by these very strings (sql/bulletin/failed-rerun.sql).
 */
public record RerunParameters(LocalDate from, LocalDate to, Path out, Set<Format> formats, boolean range) {

    public static final String JOB_NAME = "rerunBulletins";

    public RerunParameters {
        out = out.toAbsolutePath().normalize();
        formats = Set.copyOf(formats);
    }

    /** Read back from a rerun's execution: each parameter parsed once, here. */
    public static RerunParameters of(JobParameters parameters) {
        return new RerunParameters(LocalDate.parse(parameters.getString("from")), LocalDate.parse(parameters.getString("to")),
                Path.of(parameters.getString("out")), formats(parameters.getString("formats")),
                Boolean.parseBoolean(parameters.getString("range")));
    }

    /** The parameters as stored, which identify the run; {@code runId} makes every start a new instance. */
    public JobParameters toJobParameters(long runId) {
        JobParametersBuilder builder = new JobParametersBuilder();
        stored().forEach(builder::addString);
        return builder.addLong("run.id", runId).toJobParameters();
    }

    /** from, to, out, formats and range as the job repository holds them, in the order they are written. */
    public Map<String, String> stored() {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("from", from.toString());
        stored.put("to", to.toString());
        stored.put("out", out.toString());
        stored.put("formats", formats.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        stored.put("range", Boolean.toString(range));
        return stored;
    }

    private static Set<Format> formats(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Format::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Format.class)));
    }
}
