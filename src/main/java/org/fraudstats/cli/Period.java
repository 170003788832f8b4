package org.fraudstats.cli;

import java.time.LocalDate;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** --from D --to D, shared by the commands that take a period; --to is inclusive. */
class Period {

    @Option(names = "--from", required = true, paramLabel = "D", description = "first day (ISO date, e.g. 2022-10-01)")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "last day, inclusive")
    LocalDate to;

    void check(CommandSpec spec) {
        if (from.isAfter(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--from " + from + " is after --to " + to);
        }
    }
}
