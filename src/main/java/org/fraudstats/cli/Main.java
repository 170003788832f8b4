package org.fraudstats.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.fraudstats.FraudstatsApplication;
import org.springframework.boot.SpringApplication;

/** Entry point of ./fraudstats. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // One zone for the JVM's local times whatever the machine's TZ: Spring Batch stores its start and end times as
        // local times of the JVM that writes them, so `serve` under one TZ and `history` in a shell under another
        // would read each other's times hours apart. UTC is also the zone the tests run in. What people read is
        // converted to Asia/Shanghai where it is shown (BusinessTime), and the log prints Beijing time with its offset.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        // One locale too, whatever LANG says: the output scripts read and the names we build must not follow the
        // server's language (a tester: under tr_TR "stage_warnings" became "stage_warnıngs" and no drop loaded;
        // under ar_SA every TOTP code and the command line's numbers came out in Arabic-Indic digits). Chinese text is
        // written as such, never looked up by locale. English, as the JVM chooses it under the C locale and the tests.
        java.util.Locale.setDefault(java.util.Locale.ENGLISH);
        // the launcher gave this process a temporary folder of its own: those of killed processes go (ProcessTemp)
        ProcessTemp.sweepAround(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Thread interrupted = Interruption.hook(err);
        Runtime.getRuntime().addShutdownHook(interrupted);
        int code;
        try (Services services = new Services(extra -> {
            SpringApplication app = new SpringApplication(FraudstatsApplication.class);
            app.setRegisterShutdownHook(true);
            return app.run(extra);
        }, true)) {
            code = Cli.run(services, args, out, err);
        }
        out.flush();
        err.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        } catch (IllegalStateException signalled) {
            // the JVM is stopping on a signal: the hook says so, or has let the command's own line say it
        }
        System.exit(code);
    }
}
