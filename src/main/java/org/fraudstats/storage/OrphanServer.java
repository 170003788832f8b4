package org.fraudstats.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server found running on pgdata by the process that has just become the home's owner ({@link ServerOwner}):
 * the process that started it has died (kill -9), since it would otherwise still own the home. It is stopped the
 * way a clean shutdown does it (fast: open transactions roll back, a checkpoint is written), so the command that
 * found it goes on at once instead of failing on a data folder in use.
 */
final class OrphanServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanServer.class);

    private OrphanServer() {
    }

    /**
     * Stops the orphan if there is one. A postmaster.pid whose process is clearly not a server on this data folder
     * (another user's, or another program's: its pid reused after a reboot) is stale and removed, or PostgreSQL
     * would refuse to start. Anything that may be a server is never removed: two servers on one data folder
     * would corrupt it.
     */
    static void stopIfAny(Path pgdata, PostgresBinaries binaries) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        // read leniently: a file a power cut left half written holds NUL bytes, or anything
        List<String> lines = new String(Files.readAllBytes(pidFile), StandardCharsets.UTF_8).lines().toList();
        if (lines.size() < 3 || !lines.get(0).strip().matches("[0-9]+")) {
            removeUnwritten(pidFile, pgdata);
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle.Info info = process.get().info();
        if (anotherUsersOrProgram(info)) {
            Files.deleteIfExists(pidFile);
            return;
        }
        if (recordedForAnotherFolder(lines.get(1).strip(), pgdata) || servesAnotherFolder(pid, pgdata)) {
            // a home copied while its server ran (a backup taken live, restored beside it): the file names the
            // original's server, and pg_ctl stop on this folder would have stopped that one, in production
            log.info("{} names the PostgreSQL of another data folder (pid {}): this home was copied while it ran; "
                    + "starting its own", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (!startedAsRecorded(info, lines.get(2).strip())) {
            throw new DatabaseUnavailable(pidFile + " names process " + pid + ", a PostgreSQL started at another time than the "
                    + "file says; if no server runs on " + pgdata + ", delete that file and try again");
        }
        log.warn("stopping the embedded PostgreSQL (pid {}) left running by a fraudstats that died", pid);
        binaries.stop(pgdata, "fast");
        if (!exited(process.get())) {
            binaries.stop(pgdata, "immediate");
        }
        if (!exited(process.get())) {
            throw new DatabaseUnavailable("the embedded PostgreSQL (pid " + pid + ") left running under " + pgdata
                    + " by a fraudstats that died does not stop; stop it (kill " + pid + ") and try again");
        }
    }

    /**
     * A postmaster.pid without a pid: the server creates the file, then writes it, and a power cut between left it empty
     * (or NUL bytes), which pg_ctl refuses, every command failing until someone deleted it by hand (review 32b). The
     * home's owner removes it when no process works in the data folder (a postmaster does, from its start), and says so.
     */
    private static void removeUnwritten(Path pidFile, Path pgdata) throws IOException {
        Optional<ProcessHandle> inFolder = ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> worksIn(p.pid(), pgdata)).findFirst();
        if (inFolder.isPresent()) {
            throw new DatabaseUnavailable(pidFile + " names no server, and process " + inFolder.get().pid() + " works in " + pgdata
                    + "; if it is no PostgreSQL of this home, stop it, delete that file and try again");
        }
        log.warn("{} named no server (left unwritten by a crash as the server started): removed", pidFile);
        Files.deleteIfExists(pidFile);
    }

    private static boolean worksIn(long pid, Path pgdata) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(pid), "cwd").toRealPath(), pgdata);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether the live process postmaster.pid names is this data folder's server, as far as can be told: not another
     * user's or another program's (a pid reused), not a server on another folder (a home copied while it ran).
     */
    static boolean isThisFoldersServer(ProcessHandle process, List<String> pidFileLines, Path pgdata) {
        return !anotherUsersOrProgram(process.info())
                && !(pidFileLines.size() > 1 && recordedForAnotherFolder(pidFileLines.get(1).strip(), pgdata))
                && !servesAnotherFolder(process.pid(), pgdata);
    }

    private static boolean anotherUsersOrProgram(ProcessHandle.Info info) {
        boolean anotherUsers = info.user().isPresent() && !info.user().equals(ProcessHandle.current().info().user());
        // "postgres (deleted)" is still the server: its binaries unpacked again under it (a new version's) while it runs
        boolean anotherProgram = info.command().isPresent()
                && !Path.of(info.command().get()).getFileName().toString().replaceFirst(" \\(deleted\\)$", "").equals("postgres");
        return anotherUsers || anotherProgram;
    }

    /**
     * Whether postmaster.pid was written by a server on another data folder than the one it lies in: its second line
     * is the data folder the server was started on, so a file copied with a home names the original's.
     */
    static boolean recordedForAnotherFolder(String recorded, Path pgdata) {
        if (recorded.isEmpty()) {
            return false;
        }
        try {
            return !Files.isSameFile(Path.of(recorded), pgdata);
        } catch (NoSuchFileException gone) {
            return true; // the folder it names is no more: not this one, which exists
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /**
     * Whether the process is a PostgreSQL whose data folder is another than {@code pgdata}: a postmaster works in its
     * data folder, so its working directory says which (Linux, /proc). False when that cannot be read.
     */
    static boolean servesAnotherFolder(long pid, Path pgdata) {
        try {
            return !Files.isSameFile(Path.of("/proc", Long.toString(pid), "cwd").toRealPath(), pgdata);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether the process started when postmaster.pid says its server did (the file is written as the server
     * starts; a minute allows for a machine under load), or its start time cannot be read.
     */
    private static boolean startedAsRecorded(ProcessHandle.Info info, String startedEpochSeconds) {
        Optional<Instant> started = info.startInstant();
        if (started.isEmpty() || !startedEpochSeconds.matches("[0-9]+")) {
            return true;
        }
        return Math.abs(started.get().getEpochSecond() - Long.parseLong(startedEpochSeconds)) <= 60;
    }

    /** pg_ctl stop returns once postmaster.pid is gone, a moment before the process itself has ended. */
    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
