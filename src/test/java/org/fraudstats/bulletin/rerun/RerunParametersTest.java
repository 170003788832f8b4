package org.fraudstats.bulletin.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import org.fraudstats.bulletin.BulletinPublisher.Format;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

class RerunParametersTest {

    private final RerunParameters rerun = new RerunParameters(LocalDate.of(2022, 10, 20), LocalDate.of(2022, 10, 24),
            Path.of("/srv/bulletins/../out"), EnumSet.of(Format.xlsx, Format.pdf), true);

    @Test
    void shouldStoreDatesAsIsoStringsAndTheFolderAbsolute() {
        assertThat(rerun.stored()).containsExactly(
                Map.entry("from", "2022-10-20"), Map.entry("to", "2022-10-24"),
                Map.entry("out", "/srv/out"), Map.entry("formats", "pdf,xlsx"),
                Map.entry("range", "true"));
    }

    @Test
    void shouldReadBackWhatItWrote() {
        JobParameters parameters = rerun.toJobParameters(42L);
        assertThat(parameters.getLong("run.id")).isEqualTo(42L);
        assertThat(RerunParameters.of(parameters)).isEqualTo(rerun);
    }
}
