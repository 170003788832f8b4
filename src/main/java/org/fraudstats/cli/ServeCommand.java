package org.fraudstats.cli;

import java.util.concurrent.Callable;

import org.fraudstats.access.Actor;
import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.schedule.Serve;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `serve`: the schedules and, in the same process, the portal and /api/v1 (web.md). Only this command starts a
 * web server: it switches the web application type on before the context starts.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the schedules of jobs/*.yml (nightly, weekly, monthly) and the portal with its HTTP API until stopped; "
                + "several nodes may serve one database.",
                "Listens on 127.0.0.1:8080 unless told otherwise (also SERVER_PORT, SERVER_ADDRESS; TLS with server.ssl.*, see README)."})
class ServeCommand implements Callable<Integer> {

    // web.md: "Spring Boot's server.port / server.address work too", and a Spring Boot user types them as options
    // first: `serve --server.port=8081` was an unknown option (r40c); the two names are one option each
    @Option(names = {"--port", "--server.port"}, paramLabel = "N", description = "TCP port of the portal (default 8080; 0 picks a free one)")
    Integer port;

    @Option(names = {"--bind", "--server.address"}, paramLabel = "ADDR", description = "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    String bind;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    ServeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Interruption.expected();
        if (port != null && (port < 0 || port > 65535)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port + " is not a TCP port (0 to 65535)");
        }
        if (bind != null && bind.isBlank()) {
            // Spring reads an empty address as none, and Tomcat then listens on every interface: `--bind "$ADDR"` with
            // ADDR unset opened the portal to the network (review 36e)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bind is empty: give an address (127.0.0.1, "
                    + "or 0.0.0.0 for every interface)");
        }
        if (bind != null) {
            // a usage error naming the option (exit 2), as --port's: "setting server.address '999.1.1.1' is not a valid
            // InetAddress" came back from Spring's binding with exit 1 (r36c)
            try {
                java.net.InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException | SecurityException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bind " + bind
                        + " is not an address (an IP address such as 127.0.0.1 or 0.0.0.0, or a name this machine resolves)");
            }
        }
        services.beforeStart("spring.main.web-application-type", "servlet");
        // the pages, sign-ins and the nightly job share serve's pool with up to 3 reruns (web/portal/Reruns), each
        // holding its days' lock and a connection per render thread: 8 left a page waiting behind three of them
        // (review r41e); a command's pool stays 8 (10 on an external PostgreSQL, Boot's)
        services.beforeStart("spring.datasource.hikari.maximum-pool-size", "12");
        // the exception a failed rollback hides is logged here only: serve keeps it, a command says its one line
        services.beforeStart("logging.level.org.springframework.transaction.interceptor.TransactionInterceptor", "ERROR");
        if (port != null) {
            services.beforeStart("server.port", port.toString());
        }
        if (bind != null) {
            services.beforeStart("server.address", bind);
        }
        Serve serve;
        try {
            serve = services.get(Serve.class);
        } catch (RuntimeException e) {
            throw cannotListen(e);
        }
        // the schedules and distribution.yml are checked before the portal is announced: a bad cron said
        // "portal on …" first, then exited
        serve.start();
        Environment environment = services.get(Environment.class);
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
                && (environment.containsProperty("server.ssl.bundle") || environment.containsProperty("server.ssl.key-store")
                        || environment.containsProperty("server.ssl.certificate"));
        String listening = environment.getProperty("server.address", "127.0.0.1") + ":" + environment.getProperty("local.server.port", "?");
        // recorded before it is announced: a start the audit cannot record fails before anyone is told to sign in
        recordStartAndStop(listening);
        spec.commandLine().getErr().println("serve: portal on " + (tls ? "https" : "http") + "://" + listening + "/");
        spec.commandLine().getErr().flush();
        return serve.run();
    }

    /**
     * The portal's start and stop in the audit log (serve-start, serve-stop): the portal records who signs in, so an
     * auditor must see when it was not there to record (tester B, MLPS). The stop is recorded as the context begins
     * to close (SIGTERM), while the database is still open; a kill -9 leaves no stop row, as it leaves no command's.
     */
    private void recordStartAndStop(String listening) {
        AuditTrail trail = services.get(AuditTrail.class);
        Actor actor = Actor.commandLine();
        trail.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "serve-start", listening, "success"));
        // a class, not a lambda, so that Spring sees which event it listens to and calls it for that one alone (review)
        services.get(org.springframework.context.event.ApplicationEventMulticaster.class).addApplicationListener(
                new org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent>() {
                    @Override
                    public void onApplicationEvent(org.springframework.context.event.ContextClosedEvent closed) {
                        try {
                            trail.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "serve-stop", listening, "success"));
                        } catch (RuntimeException e) {
                            spec.commandLine().getErr().println("serve: the stop was not recorded in the audit log: " + Cli.userMessage(e));
                        }
                    }
                });
    }

    /**
     * A port taken or an address not this machine's, said with the address and the port: the JDK's words alone
     * ("Address already in use") did not say which port, nor what to do (tester B).
     */
    private RuntimeException cannotListen(RuntimeException e) {
        return Cli.below(e, java.net.BindException.class).<RuntimeException>map(refused -> {
            String address = bind != null ? bind : env("SERVER_ADDRESS", "127.0.0.1");
            // the port Spring Boot says is taken, whichever way it was set
            String at = address + ":" + Cli.below(e, org.springframework.boot.web.server.PortInUseException.class)
                    .map(inUse -> Integer.toString(inUse.getPort()))
                    .orElse(port != null ? port.toString() : env("SERVER_PORT", "8080"));
            String why = refused.getMessage() == null ? "cannot bind" : refused.getMessage().toLowerCase(java.util.Locale.ROOT);
            return new UserError("cannot listen on " + at + ": " + why + (why.contains("in use")
                    ? " (another serve, or another program, is listening there: stop it or choose another --port)"
                    : why.contains("assign") ? " (not an address of this machine: see --bind)" : ""));
        }).orElse(e);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
