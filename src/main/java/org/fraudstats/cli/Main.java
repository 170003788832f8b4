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
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
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
        System.exit(code);
    }
}
