package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The machine's name without a DNS lookup, which waited ~10 s per command on an isolated network (r43c). */
class HostNameTest {

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void isTheNameTheKernelHolds_asUnameSaysIt() throws Exception {
        Process uname = new ProcessBuilder("uname", "-n").redirectErrorStream(true).start();
        String said = new String(uname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(uname.waitFor()).isZero();
        assertThat(HostName.of()).isNotBlank().isEqualTo(said);
    }
}
