package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one test of a folder whose bulletins are handed out (served, mailed), and the warning rerun --out gives before. */
class OwnFilesTest {

    @TempDir
    Path home;

    @Test
    void aFolderOfTheHomesOwnerWrittenByNobodyElseIsHandedOut() throws Exception {
        Path out = Files.createDirectory(home.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
        Path pdf = Files.writeString(Files.createDirectories(out.resolve("daily/2022-10-23")).resolve("b.pdf"), "pdf");
        assertThat(OwnFiles.whyNotHandedOut(out, home)).isEmpty();
        assertThat(OwnFiles.nobodyElseWrites(out, pdf, home)).isTrue();
        assertThat(OwnFiles.whyNotHandedOut(home.resolve("not-yet"), home)).as("made by the rerun, as this user's").isEmpty();
    }

    @Test
    void aFolderOthersWriteIntoOrALinkIsSaidSoAndNeverHandedOut() throws Exception {
        Path open = Files.createDirectory(home.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path pdf = Files.writeString(open.resolve("b.pdf"), "pdf");
        assertThat(OwnFiles.whyNotHandedOut(open, home)).contains("is writable by other users");
        assertThat(OwnFiles.nobodyElseWrites(open, pdf, home)).isFalse();

        Path own = Files.createDirectory(home.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(home.resolve("link"), own);
        Files.writeString(own.resolve("b.pdf"), "pdf");
        // the portal never serves a file through a link (NOFOLLOW all the way up), so the warning says it of a linked --out too
        assertThat(OwnFiles.whyNotHandedOut(link, home)).contains("is a symbolic link");
        assertThat(OwnFiles.nobodyElseWrites(link, link.resolve("b.pdf"), home)).isFalse();
    }

    @Test
    void aKindOrPeriodFolderInsideThatIsALinkOrOpenIsSaidToo() throws Exception {
        // the folder fine, its daily/ not: the files were written through it and never served, without a word (tester)
        Path out = Files.createDirectory(home.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path daily = Files.createDirectories(out.resolve("daily/2022-10-20"));
        Files.setPosixFilePermissions(daily, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(OwnFiles.whyNotHandedOut(out, home)).contains("holds daily/2022-10-20, which is writable by other users");

        Path linked = Files.createDirectory(home.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("daily"), Files.createDirectory(home.resolve("elsewhere")));
        assertThat(OwnFiles.whyNotHandedOut(linked, home)).contains("holds daily, which is a symbolic link");
    }
}
