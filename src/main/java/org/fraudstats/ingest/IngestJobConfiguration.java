package org.fraudstats.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.fraudstats.catalog.Catalog;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: one job instance per drop, identified by the drop's date and checksum, so loading the same
 * drop again finds its instance complete and changes nothing, while a changed drop is a new instance.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

    static final String JOB_NAME = "ingestDrop";
    static final String STEP_NAME = "loadDrop";

    @Bean
    Job ingestDropJob(JobRepository jobRepository, Step loadDropStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(loadDropStep).build();
    }

    // --- step: stage every file of the drop with COPY and merge it into the facts, in one transaction
    @Bean
    Step loadDropStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DropLoadTasklet dropLoadTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet(dropLoadTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    DropLoadTasklet dropLoadTasklet(DataSource dataSource, Catalog catalog, AccountNumbers accounts, SpillFolder spill,
                                    org.fraudstats.settings.FraudstatsSettings settings,
                                    @Value("#{jobParameters['drop.folder']}") String folder,
                                    @Value("#{jobParameters['drop.date']}") String date,
                                    @Value("#{jobParameters['drop.checksum']}") String checksum) {
        return new DropLoadTasklet(dataSource, catalog, accounts, spill, Path.of(folder), LocalDate.parse(date), checksum,
                settings.recordsStartDay());
    }
}
