package org.fraudstats.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.cli.Cli;
import org.fraudstats.cli.Services;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class with the whole application on its own fresh database (the context is dropped after the class,
 * so the next class gets a new database). {@link #cli} runs a command exactly as ./fraudstats would.
 */
@SpringBootTest(classes = FraudstatsApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class DatabaseTest {

    /** The sample drops shipped in the repository (a copy of the contract's sample). */
    protected static final Path SAMPLE_INBOX = Path.of("samples/inbox");

    @Autowired
    protected ConfigurableApplicationContext context;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        Path home = TestPostgres.tempHome();
        registry.add("fraudstats.home", home::toString);
        registry.add("fraudstats.account-key", () -> "test-key-not-for-production-use-at-all");
    }

    /** Empties the facts and the job repository, for test classes whose tests each need a clean slate. */
    protected void forgetEverything() {
        jdbc.execute("TRUNCATE fact_case, fact_freeze, fact_refund, fact_warning, warning_day, case_day, action_day, action_account_day, "
                + "refund_day, refund_case_day, case_stop_time, reject, drop_load, changed_day, rollup_repair, repaired_day, rollup_suspect_day, "
                + "batch_step_execution_context, batch_job_execution_context, batch_step_execution, "
                + "batch_job_execution_params, batch_job_execution, batch_job_instance");
    }

    /**
     * As a night whose rollup check passed leaves it: every change so far checked (V35), so that a month can be archived
     * (V37 refuses a month a load changed since the last check).
     */
    protected void rollupsCheckedByANight() {
        jdbc.update("UPDATE rollups_checked SET through_load = (SELECT last_load FROM load_counter)");
    }

    protected Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new Services(() -> context, false), args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** What a command printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }
}
