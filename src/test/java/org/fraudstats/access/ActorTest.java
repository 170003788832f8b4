package org.fraudstats.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A command's audit row names the person behind a shared account when the shell says who: through sudo, every
 * operator's command was recorded as root alone (tester). The build clears both variables for the tests
 * (pom.xml), so a build run over ssh still reads "cli".
 */
class ActorTest {

    @Test
    void theCommandLinesClientNamesTheSudoUserAndTheSshAddress() {
        assertThat(Actor.commandLineClient(null, null)).isEqualTo("cli");
        assertThat(Actor.commandLineClient("", " ")).isEqualTo("cli");
        assertThat(Actor.commandLineClient("li.na", null)).isEqualTo("cli (sudo from li.na)");
        assertThat(Actor.commandLineClient(null, "10.20.1.7 52114 10.20.0.2 22")).isEqualTo("cli (ssh from 10.20.1.7)");
        assertThat(Actor.commandLineClient("li.na", "fe80::1 52114 fe80::2 22")).isEqualTo("cli (sudo from li.na, ssh from fe80::1)");
        // the shell's to set: masked, cut, and no address that is not one (re-tester)
        assertThat(Actor.commandLineClient("6222" + "0212" + "3456" + "7890123", "999.1.1.1;rm 1 2 3"))
                .isEqualTo("cli (sudo from ***************0123, ssh from ?)");
        assertThat(Actor.commandLineClient("x".repeat(300), null)).isEqualTo("cli (sudo from " + "x".repeat(64) + "…)");
    }

    @Test
    void theTestsSeeNeither() {
        assertThat(System.getenv("SUDO_USER")).isNull();
        assertThat(System.getenv("SSH_CONNECTION")).isNull();
        assertThat(Actor.commandLine().client()).isEqualTo("cli");
    }
}
