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

    /** The first day of an optional period (both options or neither), null when none was given: from the start. */
    static LocalDate fromOrNull(Period period) {
        return period == null ? null : period.from;
    }

    /** The last day of an optional period, null when none was given: to the end. */
    static LocalDate toOrNull(Period period) {
        return period == null ? null : period.to;
    }

    /** An optional period: checked when given. */
    static void checkIfGiven(Period period, CommandSpec spec) {
        if (period != null) {
            period.check(spec);
        }
    }

    void check(CommandSpec spec) {
        if (from.isAfter(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--from " + from + " is after --to " + to);
        }
    }
}
