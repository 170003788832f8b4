package org.fraudstats.cli;

import picocli.CommandLine.Command;

@Command(name = "fraudstats", mixinStandardHelpOptions = true, version = "fraudstats 0.1.0",
        description = "Statistics and bulletins of the anti-telecom-fraud center (反诈骗中心).",
        subcommands = {IngestCommand.class, MetricsCommand.class, HeadlineCommand.class, RejectsCommand.class,
                GenerateCommand.class, RerunCommand.class, NightlyCommand.class, RevisionsCommand.class, DeliveriesCommand.class,
                DeliverCommand.class, HistoryCommand.class, RestartCommand.class, DemoCommand.class, ServeCommand.class, UserCommand.class, TokenCommand.class, AuditCommand.class,
                BenchCommand.class, VerifyCommand.class})
class FraudstatsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingCommand(spec);
    }
}
