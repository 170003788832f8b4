package org.fraudstats.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.SqlFiles;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads one drop in one transaction (the step's): every file is streamed into the connection's temporary staging
 * tables (sql/ingest/create-staging.sql) with COPY, then merged into the facts set-wise by sql/ingest/merge-*.sql.
 * An unreadable file rolls the whole drop back (rule 6), so a drop is either loaded entirely or not at all.
 */
class DropLoadTasklet implements Tasklet {

    /** The step's note of rows dated far after their drop (Ingest puts it in DropLoadResult). */
    static final String DATED_AWAY = "dated-away-from-drop";


    private final DataSource dataSource;
    private final FileStager stager;
    private final Drop drop;
    private final String checksum;
    private final java.util.Optional<LocalDate> recordsStart;

    DropLoadTasklet(DataSource dataSource, Catalog catalog, AccountNumbers accounts, SpillFolder spill, Path folder, LocalDate date, String checksum,
                    java.util.Optional<LocalDate> recordsStart) {
        this.dataSource = dataSource;
        this.stager = new FileStager(catalog, accounts, spill);
        this.drop = new Drop(date, folder);
        this.checksum = checksum;
        this.recordsStart = recordsStart;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        jdbc.execute(SqlFiles.load("ingest/create-staging.sql"));

        // the step's own connection, bound to its transaction (the staging tables live on it): the transaction
        // releases it at its end, so there is nothing to release here
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long read = 0;
        long staged = 0;
        long rejected = 0;
        List<Feed> feeds = drop.feeds();
        Map<Feed, Long> stagedRows = new EnumMap<>(Feed.class);
        Map<Feed, byte[]> bytesRead = new EnumMap<>(Feed.class);
        for (Feed feed : feeds) {
            FileStager.Counts counts = stager.stage(connection, feed, drop.file(feed), drop.date());
            read += counts.read();
            staged += counts.staged();
            rejected += counts.rejected();
            stagedRows.put(feed, counts.staged());
            bytesRead.put(feed, counts.sha256());
        }
        if (!Drop.checksum(bytesRead).equals(checksum)) {
            throw new IngestFailedException(drop, "its files changed while they were being loaded (written or replaced "
                    + "meanwhile): nothing of it was loaded; run ingest again once the drop is complete", null);
        }
        // Statements without parameters go through the named template all the same: a PreparedStatement keeps its
        // plan on the connection from drop to drop, a plain Statement is parsed and planned every time (the
        // staging statistics' query, on the pg_stats view, took 1.2 ms to plan and 0.1 ms to run).
        analyzeStaleStaging(jdbc, named, stagedRows);

        // a record whose stored version was archived with its month can be neither updated nor inserted again, nor
        // can a record dated in such a month
        // (the id as the rejects show it: whole when shaped as the case system's, else an id pasted from an account field is not printed)
        named.query(SqlFiles.load("ingest/archived-versions.sql"), Map.of(), (RowCallbackHandler) rs -> {
            String record = rs.getString("file") + ": record " + AccountNumbers.maskId(rs.getString("id"));
            if (rs.getObject("line") != null) {
                throw IngestFailedException.ofARecord(drop, rs.getString("file") + " line " + rs.getInt("line") + ": record "
                        + AccountNumbers.maskId(rs.getString("id")) + " is dated " + rs.getString("business_day") + ", in "
                        + rs.getString("month") + ", whose facts were archived; it cannot be loaded until the month is restored");
            }
            throw IngestFailedException.ofARecord(drop, rs.getString("of_case") == null
                    ? record + " is stored in " + rs.getString("month") + ", whose facts were archived; it cannot be corrected until the month is restored"
                    : record + " is of case " + AccountNumbers.maskId(rs.getString("of_case")) + ", stored in " + rs.getString("month")
                            + ", whose facts were archived; it cannot be loaded until the month is restored");
        });
        // loaded as written, but said: a record far from its drop is most likely a mistyped year at the source
        List<String> datedAway = named.query(SqlFiles.load("ingest/dated-away-from-drop.sql"), Map.of("dropDate", drop.date()),
                (rs, n) -> rs.getString("file") + " line " + rs.getInt("line") + " is dated " + rs.getString("business_day")
                        + ("after".equals(rs.getString("side"))
                                ? ", more than 7 days after its drop"
                                : ", before " + rs.getString("before_limit") + ", earlier than any bulletin of its drop's day shows")
                        + " (" + rs.getLong("rows") + (rs.getLong("rows") == 1 ? " row" : " rows")
                        + " so dated); loaded as written: check the source");
        datedAway = new java.util.ArrayList<>(datedAway);
        // and records before the first day of the records: loaded, but every bulletin reaching back reads them otherwise
        datedAway.addAll(named.query(SqlFiles.load("ingest/before-the-records.sql"), new org.springframework.jdbc.core.namedparam
                .MapSqlParameterSource().addValue("recordsStart", recordsStart.orElse(null), java.sql.Types.DATE), (rs, n) -> {
                    String first = rs.getString("file") + " line " + rs.getInt("line") + " is dated " + rs.getString("business_day")
                            + " (" + rs.getLong("rows") + (rs.getLong("rows") == 1 ? " row" : " rows") + " dated before "
                            + rs.getString("first_day") + ")";
                    return recordsStart.isPresent()
                            ? first + ", before the records start (fraudstats.records-start): loaded, counted by metrics and the "
                                    + "headline command, by no bulletin; if the records are whole from " + rs.getString("earliest")
                                    + ", move the setting back"
                            : first + ", before the first day loaded so far: the records now start on " + rs.getString("earliest")
                                    + ", and every base reaching back counts from it; if these are stray records, set "
                                    + "fraudstats.records-start: " + rs.getString("first_day") + " (README, Configuration)";
                }));
        // and a record this drop held when it was loaded before and holds no longer: it still counts (no deletion)
        datedAway.addAll(named.query(SqlFiles.load("ingest/withdrawn-from-resent-drop.sql"), Map.of("dropDate", drop.date(),
                "files", feeds.stream().map(Feed::fileName).collect(Collectors.joining(","))),
                (rs, n) -> rs.getBoolean("rejected")
                        ? rs.getString("file") + " holds " + rs.getLong("rows") + (rs.getLong("rows") == 1 ? " record" : " records")
                                + " of this drop's earlier load only as bad rows now (the first: " + AccountNumbers.maskId(rs.getString("first_id"))
                                + (rs.getLong("rows") == 1 ? "); the version loaded before still counts" : "); the versions loaded before still count")
                                + ": a bad row never replaces one (see rejects)"
                        : rs.getString("file") + " no longer holds " + rs.getLong("rows") + (rs.getLong("rows") == 1 ? " record" : " records")
                                + " it held when this drop was loaded before (the first: " + AccountNumbers.maskId(rs.getString("first_id"))
                                + (rs.getLong("rows") == 1 ? "); it still counts" : "); they still count")
                                + ": feeds.md has no deletion, a record changes only when it is sent again"));
        // and bad rows its earlier load had, which the file sent now leaves out: they leave the rejects list (r44a)
        datedAway.addAll(named.query(SqlFiles.load("ingest/rejects-left-out-of-resent-drop.sql"), Map.of("dropDate", drop.date(),
                "files", feeds.stream().map(Feed::fileName).collect(Collectors.joining(","))),
                (rs, n) -> rs.getString("file") + " no longer holds " + rs.getLong("rows") + (rs.getLong("rows") == 1 ? " bad row" : " bad rows")
                        + " it held when this drop was loaded before (the first: line " + rs.getInt("first_line")
                        + "), neither corrected nor bad again: " + (rs.getLong("rows") == 1 ? "it leaves" : "they leave") + " the rejects list"));
        if (!datedAway.isEmpty()) {
            // said by whoever ran the load, once: ingest and nightly print it, serve logs it (PipelineWork); logged here
            // too, a command printed it twice (tester B)
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putString(DATED_AWAY, String.join("\n", datedAway));
        }
        // the monthly partitions of every staged row's month, before any merge writes into them
        named.queryForObject(SqlFiles.load("ingest/create-months.sql"), Map.of(), Long.class);

        Map<String, Object> params = Map.of("jobExecutionId", jobExecutionId, "dropDate", drop.date(),
                "files", feeds.stream().map(Feed::fileName).collect(Collectors.joining(",")));
        // the first day of the records as the bulletins read it: a load that moves it changes how they compare
        LocalDate firstDayBefore = recordsStart.isPresent() ? null : firstDayLoaded(named);
        // Warnings merge first, so that the days changed_day holds right after are the days their merge changed:
        // warning_day depends on fact_warning alone, so only those days need it recomputed. The other feeds'
        // late records and corrections reach days long past (at province scale a drop changed 7 days, its
        // warnings 3), and recomputing warning_day there re-counted ~600 000 warnings a day for nothing.
        long changed = merge(named, Feed.WARNINGS, params);
        String warningDays = named.queryForObject(SqlFiles.load("ingest/changed-days.sql"), params, String.class);
        for (Feed feed : Feed.values()) {
            if (feed != Feed.WARNINGS) {
                changed += merge(named, feed, params);
            }
        }
        named.update(SqlFiles.load("ingest/leave-archived-days.sql"), params);
        // the daily rollups every figure reads, for exactly the days this load changed, in this transaction
        String changedDays = named.queryForObject(SqlFiles.load("ingest/changed-days.sql"), params, String.class);
        if (changedDays != null) {
            DailyRollups.recompute(named, changedDays, warningDays);
        }
        LocalDate firstDayAfter = firstDayBefore == null ? null : firstDayLoaded(named);
        if (firstDayAfter != null && !firstDayAfter.equals(firstDayBefore)) {
            named.update(SqlFiles.load("ingest/records-start-moved.sql"), Map.of("jobExecutionId", jobExecutionId,
                    "before", firstDayBefore, "after", firstDayAfter));
        }
        named.update(SqlFiles.load("ingest/merge-rejects.sql"), params);
        named.update(SqlFiles.load("ingest/record-drop-load.sql"), Map.of(
                "jobExecutionId", jobExecutionId, "dropDate", drop.date(), "checksum", checksum,
                "rowsRead", read, "rowsLoaded", staged, "rowsRejected", rejected, "rowsChanged", changed));

        // the contribution counts reads one by one; a drop's rows were counted while streaming
        chunkContext.getStepContext().getStepExecution().setReadCount(read);
        contribution.incrementWriteCount(changed);
        contribution.incrementReadSkipCount(rejected);
        return RepeatStatus.FINISHED;
    }

    /**
     * The merges sort and join the staging tables by their ids (and freezes and refunds by case_id): the planner
     * needs their row count and distinct ids, nothing else, so ANALYZE reads those columns alone, and an empty
     * table not at all. The tables and their statistics outlive the drop (create-staging.sql), and the planner
     * scales them to the rows a table holds now; so a table is analysed only when it has no statistics yet or
     * holds more than twice or less than half the rows they describe. Consecutive drops are alike, so most drops
     * analyse nothing (a city drop: ~1.4 ms of ANALYZE saved).
     */
    private static void analyzeStaleStaging(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Map<Feed, Long> stagedRows) {
        Map<String, Double> known = new HashMap<>();
        named.query(SqlFiles.load("ingest/staging-statistics.sql"), Map.of(),
                (RowCallbackHandler) rs -> known.put(rs.getString("relname"), rs.getDouble("reltuples")));
        stagedRows.forEach((feed, rows) -> {
            double described = known.getOrDefault(stagingTable(feed), -1.0);
            if (rows > 0 && (described < 0 || rows > 2 * described || 2 * rows < described)) {
                jdbc.execute("ANALYZE stage_" + feed.name().toLowerCase(java.util.Locale.ROOT) + " (" + joinColumns(feed) + ")");
            }
        });
    }

    private static LocalDate firstDayLoaded(NamedParameterJdbcTemplate named) {
        return named.queryForObject(SqlFiles.load("bulletin/first-day-of-data.sql"), Map.of(), LocalDate.class);
    }

    private static String stagingTable(Feed feed) {
        return "stage_" + feed.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static long merge(NamedParameterJdbcTemplate named, Feed feed, Map<String, Object> params) {
        return named.queryForObject(SqlFiles.load("ingest/merge-" + feed.name().toLowerCase(java.util.Locale.ROOT) + ".sql"), params, Long.class);
    }

    private static String joinColumns(Feed feed) {
        return switch (feed) {
            case FREEZES, REFUNDS -> feed.idColumn() + ", case_id";
            case CASES, WARNINGS -> feed.idColumn();
        };
    }
}
