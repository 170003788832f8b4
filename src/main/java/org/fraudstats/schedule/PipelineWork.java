package org.fraudstats.schedule;

import org.slf4j.LoggerFactory;
import java.nio.file.Path;
import java.time.LocalDate;

import org.fraudstats.nightly.NightlyPipeline;
import org.springframework.stereotype.Component;

/**
 * What the schedules run, done by the nightly pipeline. Nothing is printed: a fire logs what became of each
 * period (ScheduledRunJob), and the bulletins say the rest.
 */
@Component
class PipelineWork implements ScheduledWork {

    private final NightlyPipeline pipeline;

    PipelineWork(NightlyPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public int nightly(LocalDate date, Path inbox, Path out) {
        // the night's lines are its bulletins' business, but a warning (rows dated far from their drop, a week not
        // revised tonight) is the operator's: serve's log is where it reaches them
        return pipeline.run(date, inbox, out, line -> {
            if (org.fraudstats.nightly.NightlyLines.warning(line)) {
                LoggerFactory.getLogger(PipelineWork.class).warn("nightly {}: {}", date, line.strip());
            }
        }).exitCode();
    }

    @Override
    public int rangeBulletin(LocalDate from, LocalDate to, Path out) {
        return pipeline.scheduledRangeBulletin(from, to, out);
    }

    @Override
    public java.util.List<LocalDate> daysNotArrived(LocalDate from, LocalDate to) {
        return pipeline.daysNotArrived(from, to);
    }

    @Override
    public void checkConfiguration() {
        pipeline.checkConfiguration();
    }

    @Override
    public void retryMail() {
        pipeline.retryMail(line -> LoggerFactory.getLogger(PipelineWork.class).info("serve: {}", line));
    }

    @Override
    public boolean dropArrived(LocalDate date, Path inbox) {
        return pipeline.dropArrived(date, inbox);
    }
}
