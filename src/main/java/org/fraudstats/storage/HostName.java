package org.fraudstats.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name as the kernel holds it, for the names a process gives itself (the database connection's
 * ApplicationName, the scheduler's instance id), asked without a network: InetAddress.getLocalHost() also resolves
 * the name, and on an isolated network whose DNS server does not answer every command waited ~10 s for it, serve
 * 30 s, with nothing said (r43c).
 */
public final class HostName {

    private static final Path KERNEL = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** The machine's name; "localhost" when neither the kernel nor the environment says one. */
    public static String of() {
        try {
            String name = Files.readString(KERNEL, StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException e) {
            // not Linux, or /proc not mounted: the environment's, where a shell exported it (often it does not)
        }
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("COMPUTERNAME");
        }
        return name == null || name.isBlank() ? "localhost" : name.strip();
    }
}
