package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;

/** The home holds the database password, the account key and embargoed bulletins: it is its owner's alone. */
class FraudstatsHomeTest {

    @Test
    void aNewHomeIsCreatedForItsOwnerOnly() throws Exception {
        Path home = TestPostgres.tempHome().resolve("new/home");

        assertThat(new FraudstatsHome(home).resolve("out")).isEqualTo(home.resolve("out"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aHomeMadeByAnEarlierVersionOpenToOthersIsClosed() throws Exception {
        Path home = Files.createDirectories(TestPostgres.tempHome().resolve("old"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bulletin = Files.writeString(home.resolve("bulletin.pdf"), "embargoed");

        new FraudstatsHome(home).root();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(bulletin).hasContent("embargoed");
    }

    /** The command prints this message: it says what is wrong in words, not the path alone (tester B). */
    @Test
    void aHomeThatIsAFileIsSaidToBeInTheWay() throws Exception {
        Path file = Files.writeString(TestPostgres.tempHome().resolve("home-file"), "not a folder");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FraudstatsHome(file).root())
                .isInstanceOf(CannotWrite.class)
                .hasMessage("FRAUDSTATS_HOME cannot be used: " + file + ": a file of that name is in the way");
    }

    /**
     * A folder another user owns is refused, the cache of the PostgreSQL programs too: closed to rwx------, it stayed
     * theirs, and root ran the programs another user had put in a shared cache (review 32b). Needs root, to give the
     * folder away (as CI runs).
     */
    @Test
    void aFolderAnotherUserOwnsIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
        Path theirs = Files.createDirectories(TestPostgres.tempHome().resolve("theirs"));
        Files.setAttribute(theirs, "unix:uid", 65534);
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxrwx"));
        String owner = Files.getOwner(theirs).getName();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FraudstatsHome(theirs).root())
                .isInstanceOf(CannotWrite.class)
                .hasMessage("FRAUDSTATS_HOME cannot be used: " + theirs + ": it belongs to " + owner + ", not to this user (root): "
                        + "use a folder of your own");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(theirs))).isEqualTo("rwxrwxrwx");

        Path cache = Files.createDirectories(TestPostgres.tempHome().resolve("cache"));
        Path planted = Files.createDirectories(cache.resolve("postgres-" + PostgresBinaries.digest()));
        Files.setAttribute(planted, "unix:uid", 65534);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostgresBinaries.in(cache))
                .hasMessage("cannot unpack the embedded PostgreSQL into " + cache + ": " + planted + ": it belongs to " + owner
                        + ", not to this user (root): use a folder of your own");
    }

    /** The PostgreSQL programs, the server above all, get no secret of the command's environment (review 32b). */
    @Test
    void thePostgresProgramsGetNoSecretOfTheEnvironment() {
        java.util.Map<String, String> environment = new java.util.HashMap<>(java.util.Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8",
                "LC_ALL", "C.UTF-8", "TZ", "UTC", "SPRING_MAIL_PASSWORD", "secret", "FRAUDSTATS_ACCOUNT_KEY", "key",
                "SPRING_DATASOURCE_PASSWORD", "pw"));
        PostgresBinaries.keepOnlyWhatPostgresNeeds(environment);
        assertThat(environment).containsOnlyKeys("PATH", "LANG", "LC_ALL", "TZ");
    }
}
