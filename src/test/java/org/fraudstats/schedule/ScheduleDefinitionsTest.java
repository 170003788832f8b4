package org.fraudstats.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.fraudstats.schedule.ScheduleDefinition.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** jobs/*.yml: what ships, how a deployment overrides it, and one-line errors naming the file and key. */
class ScheduleDefinitionsTest {

    @TempDir
    Path jobsDir;

    private final MockEnvironment environment = new MockEnvironment().withProperty("fraudstats.home", "/srv/fraudstats");

    @Test
    void theShippedSchedulesLoadFromTheJobsFolder() {
        ScheduleDefinitions definitions = new ScheduleDefinitions(environment);

        assertThat(definitions.all()).extracting(ScheduleDefinition::name).containsExactly("monthly", "nightly", "weekly");
        ScheduleDefinition nightly = definitions.get("nightly");
        assertThat(nightly.source()).isEqualTo("jobs/nightly.yml (in fraudstats.jar)");
        assertThat(nightly.enabled()).isTrue();
        assertThat(nightly.work()).isEqualTo(Work.NIGHTLY);
        assertThat(nightly.cadence()).isEqualTo(Cadence.DAY);
        assertThat(nightly.cron()).isEqualTo("0 30 1 * * ?");
        assertThat(nightly.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(nightly.inbox()).isEqualTo(Path.of("/srv/fraudstats/inbox"));
        assertThat(nightly.out()).isEqualTo(Path.of("/srv/fraudstats/out"));
        assertThat(nightly.retryInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(nightly.deadline()).isEqualTo(LocalTime.of(7, 30));
        assertThat(nightly.deadlineFor(LocalDate.of(2022, 10, 24)).toOffsetDateTime())
                .hasToString("2022-10-25T07:30+08:00");

        ScheduleDefinition weekly = definitions.get("weekly");
        assertThat(weekly.work()).isEqualTo(Work.RANGE_BULLETIN);
        assertThat(weekly.cadence()).isEqualTo(Cadence.WEEK);
        assertThat(weekly.cron()).isEqualTo("0 30 2 ? * MON");
        assertThat(weekly.inbox()).isNull();
        ScheduleDefinition monthly = definitions.get("monthly");
        assertThat(monthly.cadence()).isEqualTo(Cadence.MONTH);
        assertThat(monthly.cron()).isEqualTo("0 0 3 1 * ?");
        assertThat(monthly.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theInboxAndOutputFolderAreTheHomesSettingsAsNightlyReadsThem() {
        // fraudstats.inbox and fraudstats.out: FRAUDSTATS_INBOX and FRAUDSTATS_OUT, or inbox:/out: of HOME/fraudstats.yml
        // (review: the jobs files read FRAUDSTATS_INBOX themselves, and serve's nights missed a drop the file moved)
        environment.withProperty("fraudstats.inbox", "/data/drops").withProperty("fraudstats.out", "/data/bulletins");

        ScheduleDefinitions definitions = new ScheduleDefinitions(environment);

        assertThat(definitions.get("nightly").inbox()).isEqualTo(Path.of("/data/drops"));
        assertThat(definitions.get("nightly").out()).isEqualTo(Path.of("/data/bulletins"));
        assertThat(definitions.get("weekly").out()).isEqualTo(Path.of("/data/bulletins"));
        assertThat(definitions.get("monthly").out()).isEqualTo(Path.of("/data/bulletins"));
    }

    @Test
    void anEmptySettingIsTheHomesFolderAsForNightly() {
        environment.withProperty("fraudstats.inbox", "").withProperty("fraudstats.out", " ");

        ScheduleDefinition nightly = new ScheduleDefinitions(environment).get("nightly");

        assertThat(nightly.inbox()).isEqualTo(Path.of("/srv/fraudstats/inbox"));
        assertThat(nightly.out()).isEqualTo(Path.of("/srv/fraudstats/out"));
    }

    @Test
    void aDeploymentFileOverridesTheKeysItGivesAndMaySwitchAScheduleOff() throws IOException {
        write("nightly.yml", "retry-interval: PT5M\ndeadline: \"09:00\"\n");
        write("weekly.yml", "enabled: false\n");
        write("quarterly.yml", """
                work: range-bulletin
                period: month
                cron: "0 0 4 1 1,4,7,10 ?"
                zone: Asia/Shanghai
                out: /srv/quarterly
                """);

        ScheduleDefinitions definitions = withJobsDir();

        ScheduleDefinition nightly = definitions.get("nightly");
        assertThat(nightly.retryInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(nightly.deadline()).isEqualTo(LocalTime.of(9, 0));
        assertThat(nightly.cron()).isEqualTo("0 30 1 * * ?");
        assertThat(nightly.source()).isEqualTo("jobs/nightly.yml (in fraudstats.jar) + " + jobsDir.resolve("nightly.yml"));
        assertThat(definitions.enabled()).extracting(ScheduleDefinition::name).containsExactly("monthly", "nightly", "quarterly");
        assertThat(definitions.get("quarterly").out()).isEqualTo(Path.of("/srv/quarterly"));
    }

    @Test
    void aBadCronIsReportedInOneLineWithFileAndKey() throws IOException {
        write("nightly.yml", "cron: \"0 30 25 * * ?\"\n");

        assertThatThrownBy(() -> withJobsDir().all())
                .isInstanceOf(ScheduleDefinitionException.class)
                .hasMessageStartingWith(jobsDir.resolve("nightly.yml") + ": line 1: cron: '0 30 25 * * ?' is not a Quartz cron expression")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownKeyIsReportedWithFileAndKey() throws IOException {
        write("weekly.yml", "crontab: \"0 30 2 ? * MON\"\n");

        assertThatThrownBy(() -> withJobsDir().all())
                .hasMessageStartingWith(jobsDir.resolve("weekly.yml") + ": line 1: crontab: unknown key (known: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aYamlTagNamingAJavaClassIsRefusedNotConstructed() throws IOException {
        // the classic SnakeYAML gadget: with a non-safe constructor this would load classes from the URL
        write("nightly.yml", "cron: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n");

        assertThatThrownBy(() -> withJobsDir().all())
                .isInstanceOf(ScheduleDefinitionException.class)
                .hasMessageStartingWith(jobsDir.resolve("nightly.yml") + ": not valid YAML: line 1, column 7: Global tag is not allowed: "
                        + "tag:yaml.org,2002:javax.script.ScriptEngineManager")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aKeyOfTheOtherKindOfScheduleIsReported() throws IOException {
        write("weekly.yml", "inbox: /srv/inbox\n");

        assertThatThrownBy(() -> withJobsDir().all())
                .hasMessage(jobsDir.resolve("weekly.yml") + ": line 1: inbox: not a key of a range-bulletin schedule");
    }

    @Test
    void badValuesAndMissingKeysNameTheirKey() throws IOException {
        // the line is the override's, where the value to fix was written
        write("nightly.yml", "# our deadline\ndescription: ours\ndeadline: \"7h30\"\n");
        assertThatThrownBy(() -> withJobsDir().all())
                .hasMessage(jobsDir.resolve("nightly.yml") + ": line 3: deadline: '7h30' is not a time of day (e.g. \"07:30\")");

        write("nightly.yml", "zone: Asia/Shanghia\n");
        assertThatThrownBy(() -> withJobsDir().all())
                .hasMessage(jobsDir.resolve("nightly.yml") + ": line 1: zone: 'Asia/Shanghia' is not a time zone (e.g. Asia/Shanghai)");

        write("nightly.yml", "cron: \"0 30 1 * * ?\"\n");
        write("extra.yml", "work: nightly\ncron: \"0 0 2 * * ?\"\n");
        assertThatThrownBy(() -> withJobsDir().all()).hasMessage(jobsDir.resolve("extra.yml") + ": zone: missing");
    }

    @Test
    void rangePeriodsAreThePreviousWeekAndMonth() {
        LocalDate monday = LocalDate.of(2022, 10, 24);
        assertThat(Cadence.WEEK.latestComplete(monday)).isEqualTo("2022-10-17");
        assertThat(Cadence.WEEK.end(Cadence.WEEK.latestComplete(monday))).isEqualTo("2022-10-23");
        assertThat(Cadence.WEEK.latestComplete(monday.plusDays(1))).isEqualTo("2022-10-17");
        assertThat(Cadence.WEEK.latestComplete(monday.minusDays(1))).isEqualTo("2022-10-10");
        assertThat(Cadence.MONTH.latestComplete(LocalDate.of(2022, 11, 1))).isEqualTo("2022-10-01");
        assertThat(Cadence.MONTH.end(LocalDate.of(2022, 10, 1))).isEqualTo("2022-10-31");
        assertThat(Cadence.MONTH.latestComplete(LocalDate.of(2022, 10, 25))).isEqualTo("2022-09-01");
        assertThat(Cadence.DAY.latestComplete(monday)).isEqualTo("2022-10-23");
    }

    private ScheduleDefinitions withJobsDir() {
        return new ScheduleDefinitions(environment.withProperty(ScheduleDefinitions.JOBS_DIR_PROPERTY, jobsDir.toString()));
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(jobsDir.resolve(file), text);
    }
}
