package org.fraudstats.web.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.storage.TraceLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** What `./fraudstats history` shows (sql/batch/history.sql, the same query), one map per execution, newest first. */
@Service
public class RunHistory {

    private final JdbcTemplate jdbc;
    private final org.fraudstats.bulletin.Rerun rerun;

    RunHistory(JdbcTemplate jdbc, org.fraudstats.bulletin.Rerun rerun) {
        this.jdbc = jdbc;
        this.rerun = rerun;
    }

    /**
     * Keys as history's columns: id, job, status, started (Asia/Shanghai with the offset, as history prints it), seconds,
     * read, written, rejected, parameters, failure (why a failed one failed, one line; null otherwise).
     */
    public List<Map<String, Object>> latest(int limit) {
        return before(Long.MAX_VALUE, limit);
    }

    /** As {@link #latest}, of the executions older than {@code id}: the next page of a script walking the history. */
    public List<Map<String, Object>> before(long id, int limit) {
        // a rerun whose process was killed said STARTED here until its own record was opened (r39f)
        rerun.settleDeadReruns();
        return jdbc.query(SqlFiles.load("batch/history.sql"), (rs, i) -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", rs.getLong("job_execution_id"));
            run.put("job", rs.getString("job_name"));
            run.put("status", rs.getString("status"));
            run.put("started", BusinessTime.ofJob(rs.getObject("started", java.time.LocalDateTime.class)));
            run.put("seconds", rs.getString("seconds"));
            run.put("read", rs.getLong("read_count"));
            run.put("written", rs.getLong("write_count"));
            run.put("rejected", rs.getLong("skip_count"));
            run.put("parameters", rs.getString("parameters"));
            run.put("failure", TraceLine.shown(rs.getString("failure_trace")));
            return run;
        }, id, limit);
    }
}
