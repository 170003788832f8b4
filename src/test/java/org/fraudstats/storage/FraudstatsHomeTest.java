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

    /**
     * A folder of ours in a folder another user owns, or one everyone can write into without the sticky bit, could be
     * renamed away and another put in its place (review 32c); a link to a folder of ours is fine whoever made it.
     * Needs root, to give folders away.
     */
    @Test
    void aFolderAnotherUserCanTakeAwayIsRefused_aLinkToOurOwnIsNot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
        Path theirs = Files.createDirectories(TestPostgres.tempHome().resolve("shared-cache"));
        Files.setAttribute(theirs, "unix:uid", 65534);
        Path ours = Files.createDirectories(theirs.resolve("fraudstats"));
        String owner = Files.getOwner(theirs).getName();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FraudstatsHome(ours).root())
                .hasMessage("FRAUDSTATS_HOME cannot be used: " + ours + ": the folder above it, " + theirs + ", belongs to " + owner
                        + ", who could move it away and put another in its place: use a folder whose parents are yours or root's");

        Path open = Files.createDirectories(TestPostgres.tempHome().resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path inOpen = Files.createDirectories(open.resolve("home"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FraudstatsHome(inOpen).root())
                .hasMessageEndingWith(": the folder above it, " + open + ", is writable by every user, who could move it away "
                        + "and put another in its place: use a folder whose parents only you or root can write into");

        Path real = Files.createDirectories(TestPostgres.tempHome().resolve("data/home"));
        Path link = Files.createSymbolicLink(TestPostgres.tempHome().resolve("home-link"), real);
        assertThat(new FraudstatsHome(link).resolve("out")).isEqualTo(link.resolve("out"));
        // a link of ours in a folder of ours inside another user's: they can rename that folder away, link and all (review 32e)
        Path oursInTheirs = Files.createDirectories(theirs.resolve("x"));
        Path linkInTheirs = Files.createSymbolicLink(oursInTheirs.resolve("link"), real);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FraudstatsHome(linkInTheirs).root())
                .hasMessageEndingWith(": the folder above it, " + theirs + ", belongs to " + owner
                        + ", who could move it away and put another in its place: use a folder whose parents are yours or root's");
        // a link another user owns could be pointed elsewhere once checked (review 32d)
        Path theirLink = Files.createSymbolicLink(TestPostgres.tempHome().resolve("their-link"), real);
        Files.setAttribute(theirLink, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FraudstatsHome(theirLink).root())
                .hasMessageEndingWith(": the link " + theirLink + " belongs to " + owner + ", who could point it elsewhere: "
                        + "use a folder, or a link, of your own");
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
