package org.fraudstats.cli;

import java.util.concurrent.Callable;

import org.fraudstats.schedule.Serve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the schedules of jobs/*.yml (nightly, weekly, monthly) until stopped; several nodes may serve one database.")
class ServeCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    private final Services services;

    ServeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        return services.get(Serve.class).run();
    }
}
