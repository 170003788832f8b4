package org.fraudstats.bulletin.rerun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
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
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.RerunProgress;

/**
 * `rerun`: renders the daily bulletin of every day of a range, in parallel over days (one partition per day),
 * then, if asked, the range bulletin. A failed rerun restarted renders only the days that had not finished,
 * because completed partitions are not run again.
 */
@Configuration(proxyBeanMethods = false)
public class RerunJobConfiguration {

    public static final String JOB_NAME = "rerunBulletins";

    @Bean
    Job rerunBulletinsJob(JobRepository jobRepository, Step renderDays, Step renderRange) {
        return new JobBuilder(JOB_NAME, jobRepository).start(renderDays).next(renderRange).build();
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
    Partitioner days(@Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
                ExecutionContext context = new ExecutionContext();
                context.putString("day", day.toString());
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
    @StepScope
    Tasklet renderDayTasklet(BulletinPublisher publisher, RerunProgress progress,
                             @Value("#{stepExecutionContext['day']}") String day,
                             @Value("#{jobParameters['out']}") String out,
                             @Value("#{jobParameters['formats']}") String formats) {
        return (contribution, chunk) -> {
            long jobExecutionId = chunk.getStepContext().getStepExecution().getJobExecutionId();
            publisher.daily(LocalDate.parse(day), Path.of(out), formats(formats), jobExecutionId);
            contribution.incrementWriteCount(1);
            progress.dayDone();
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
    @StepScope
    Tasklet renderRangeTasklet(BulletinPublisher publisher,
                               @Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to,
                               @Value("#{jobParameters['out']}") String out, @Value("#{jobParameters['formats']}") String formats,
                               @Value("#{jobParameters['range']}") String range) {
        return (contribution, chunk) -> {
            if (Boolean.parseBoolean(range)) {
                long jobExecutionId = chunk.getStepContext().getStepExecution().getJobExecutionId();
                publisher.range(LocalDate.parse(from), LocalDate.parse(to), Path.of(out), formats(formats), jobExecutionId);
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

    static Set<BulletinPublisher.Format> formats(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(BulletinPublisher.Format::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(BulletinPublisher.Format.class)));
    }
}
