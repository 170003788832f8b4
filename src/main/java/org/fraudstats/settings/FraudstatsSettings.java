package org.fraudstats.settings;

import java.nio.file.Path;

import org.fraudstats.catalog.Catalog;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of fraudstats, bound once from {@code fraudstats.*} (application.properties maps the environment
 * variables of the README's configuration table onto these keys) and checked when the application starts: a bad
 * value stops it with one line naming the key. Other packages take this record, or the part they need, by
 * constructor; nobody reads {@code fraudstats.*} properties by name.
 *
 * @param home           $FRAUDSTATS_HOME: the embedded database, its password, the account key, default inbox and out
 * @param inbox          where the nightly run looks for drops (FRAUDSTATS_INBOX, default HOME/inbox)
 * @param out            where bulletins are written unless a command names another folder (FRAUDSTATS_OUT, default HOME/out)
 * @param cache          where the embedded PostgreSQL's programs are unpacked, once per machine and user
 * @param accountKey     the HMAC key for account numbers (FRAUDSTATS_ACCOUNT_KEY); empty: HOME/account.key, made once
 * @param jobsDir        a folder of schedule files overriding jobs/*.yml (FRAUDSTATS_JOBS_DIR); empty: none
 * @param renderThreads  bulletins rendered at once by a rerun
 * @param concurrentListings the API's streamed listings (rejects, audit) written at once, each holding a connection,
 *                       and the large /api/v1/metrics answers computed at once, each holding memory
 * @param embedded       the embedded PostgreSQL's own settings
 * @param catalog        the deployment's districts and fraud types (feeds.md "Catalogues")
 * @param recordsStart   the first day the centre's records are whole from (ISO date), or empty: the earliest day of a
 *                       loaded record (bulletin/FirstDayLoaded)
 * @param settingsFileProblem what is wrong with HOME/fraudstats.yml, found before logging was set up; empty when nothing
 */
@ConfigurationProperties("fraudstats")
public record FraudstatsSettings(Path home, Path inbox, Path out, Path cache, @DefaultValue("") String accountKey,
                                 Path jobsDir, @DefaultValue("2") int renderThreads,
                                 @DefaultValue("3") int concurrentListings, @DefaultValue Embedded embedded,
                                 @DefaultValue Catalog catalog, @DefaultValue("") String recordsStart,
                                 @DefaultValue("") String settingsFileProblem) {

    /** @param durable fsync and synchronous commit on; false only for the bench's throwaway database */
    public record Embedded(@DefaultValue("true") boolean durable) {
    }

    public FraudstatsSettings {
        // HOME/fraudstats.yml unreadable, or a catalogue key set beside it (DeploymentSettingsFile)
        if (!settingsFileProblem.isEmpty()) {
            String[] fileAndProblem = settingsFileProblem.split("\n", 2);
            throw InvalidSetting.ofFile(Path.of(fileAndProblem[0]), fileAndProblem[1]);
        }
        if (home == null || home.toString().isBlank()) {
            throw new InvalidSetting("fraudstats.home", "is empty: set FRAUDSTATS_HOME to a folder");
        }
        home = home.toAbsolutePath().normalize();
        inbox = inbox == null || inbox.toString().isBlank() ? home.resolve("inbox") : inbox.toAbsolutePath().normalize();
        out = out == null || out.toString().isBlank() ? home.resolve("out") : out.toAbsolutePath().normalize();
        if (cache == null || cache.toString().isBlank()) {
            throw new InvalidSetting("fraudstats.cache", "is empty: set XDG_CACHE_HOME or fraudstats.cache to a folder");
        }
        cache = cache.toAbsolutePath().normalize();
        jobsDir = jobsDir == null || jobsDir.toString().isBlank() ? null : jobsDir.toAbsolutePath().normalize();
        if (renderThreads < 1 || renderThreads > 64) {
            throw new InvalidSetting("fraudstats.render-threads", renderThreads + " is not between 1 and 64");
        }
        // the pool has 8 connections (10 with an external PostgreSQL's defaults); the rest is for everything else
        if (concurrentListings < 1 || concurrentListings > 5) {
            throw new InvalidSetting("fraudstats.concurrent-listings", concurrentListings + " is not between 1 and 5");
        }
        // one code for the city and a district: metrics printed rows under it that mixed the two (tester)
        if (catalog != null && catalog.isDistrict(catalog.cityCode())) {
            throw new InvalidSetting("fraudstats.catalog.city-code", catalog.cityCode() + " is also a district in "
                    + "fraudstats.catalog.districts: the city's figures and that district's would share one code");
        }
        if (catalog != null) {
            CatalogSettings.check(catalog);
        }
        recordsStart = recordsStart.strip();
        if (!recordsStart.isEmpty()) {
            try {
                java.time.LocalDate.parse(recordsStart);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidSetting("fraudstats.records-start", "'" + recordsStart + "' is not a date (e.g. 2021-10-01)");
            }
        }
    }

    /** The first day the records are whole from, when the deployment says it (fraudstats.records-start). */
    public java.util.Optional<java.time.LocalDate> recordsStartDay() {
        return recordsStart.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(java.time.LocalDate.parse(recordsStart));
    }

    /** The account key is a secret: never printed, whoever logs these settings. */
    @Override
    public String toString() {
        return "FraudstatsSettings[home=" + home + ", inbox=" + inbox + ", out=" + out + ", cache=" + cache
                + ", accountKey=" + (accountKey.isEmpty() ? "(file in home)" : "(set)") + ", jobsDir=" + jobsDir
                + ", renderThreads=" + renderThreads + ", concurrentListings=" + concurrentListings + ", embedded=" + embedded + ", catalog=" + catalog
                + ", recordsStart=" + recordsStart + "]";
    }
}
