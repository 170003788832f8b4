package org.fraudstats.bulletin.rerun;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Published;
import org.fraudstats.bulletin.RerunProgress;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * `rerun`: renders the daily bulletin of every day of a range, in parallel over days (one partition per day),
 * then, if asked, the range bulletin. A failed rerun restarted renders only the days that had not finished,
 * because completed partitions are not run again. The job's parameters are read through
 * {@link RerunParameters}, once per step; a partition's day travels in its context as an ISO date.
 */
@Configuration(proxyBeanMethods = false)
class RerunJobConfiguration {

    private static final String DAY = "day";
    /** In a day's step context once its bulletin is saved. */
    private static final String RENDERED = "rendered";

    @Bean
    Job rerunBulletinsJob(JobRepository jobRepository, Step renderDays, Step renderRange) {
        return new JobBuilder(RerunParameters.JOB_NAME, jobRepository).start(renderDays).next(renderRange).build();
    }

    // --- step: one partition per day, rendered by renderDay on parallel threads
    @Bean
    Step renderDays(JobRepository jobRepository, Step renderDay, Partitioner days,
                    @Value("${fraudstats.render-threads:2}") int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("render-");
        executor.setConcurrencyLimit(threads);
        return new StepBuilder("renderDays", jobRepository)
                .partitioner("renderDay", days)
                .step(renderDay)
                .gridSize(threads)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @StepScope
    Partitioner days(@Value("#{stepExecution.jobParameters}") JobParameters jobParameters) {
        RerunParameters rerun = RerunParameters.of(jobParameters);
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (LocalDate day = rerun.from(); !day.isAfter(rerun.to()); day = day.plusDays(1)) {
                ExecutionContext context = new ExecutionContext();
                context.putString(DAY, day.toString());
                partitions.put("day-" + day, context);
            }
            return partitions;
        };
    }

    @Bean
    Step renderDay(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet renderDayTasklet) {
        return new StepBuilder("renderDay", jobRepository).tasklet(renderDayTasklet, transactionManager)
                .transactionAttribute(oneSnapshot()).build();
    }

    @Bean
    Tasklet renderDayTasklet(BulletinPublisher publisher, RerunProgress progress) {
        return (contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            RerunParameters rerun = RerunParameters.of(step.getJobParameters());
            LocalDate day = LocalDate.parse(step.getExecutionContext().getString(DAY));
            // rendered already by the run this one restarts: a stop asked while the day was being rendered marks its
            // step STOPPED once its transaction has committed (Batch checks for a stop after the work too). Rendered
            // again, as every day of a restart was (a load, a newer revision elsewhere, a file deleted since: skipping
            // it could leave it stale, r34d, r34f), but counted as rendered now only when that made a new revision:
            // the stopped run's progress counts it (sql/web/rerun-days-done.sql), and it was counted twice (r34a)
            boolean renderedBefore = step.getExecutionContext().containsKey(RENDERED);
            Published published = publisher.daily(day, rerun.out(), rerun.formats(), step.getJobExecutionId());
            try {
                progress.dayDone();
            } catch (RuntimeException e) {
                // a progress bar is no reason to take back a bulletin rendered and about to be committed
            }
            if (!renderedBefore || published.newRevision()) {
                contribution.incrementWriteCount(1);
            }
            // saved with the step's context in the bulletin's own transaction, restored without it on a rollback
            step.getExecutionContext().putString(RENDERED, "true");
            return RepeatStatus.FINISHED;
        };
    }

    // --- step: the range bulletin over the whole period, when asked for
    @Bean
    Step renderRange(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet renderRangeTasklet) {
        return new StepBuilder("renderRange", jobRepository).tasklet(renderRangeTasklet, transactionManager)
                .transactionAttribute(oneSnapshot()).build();
    }

    @Bean
    Tasklet renderRangeTasklet(BulletinPublisher publisher) {
        return (contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            RerunParameters rerun = RerunParameters.of(step.getJobParameters());
            if (rerun.range()) {
                publisher.range(rerun.from(), rerun.to(), rerun.out(), rerun.formats(), step.getJobExecutionId());
                contribution.incrementWriteCount(1);
            }
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * A bulletin reads all its figures in one snapshot (BulletinPublisher is REPEATABLE READ), but inside a step
     * it joins the step's transaction, whose isolation is what counts: so the step's transaction is REPEATABLE READ.
     */
    private static TransactionAttribute oneSnapshot() {
        DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
        attribute.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return attribute;
    }
}
