package org.fraudstats.cli;

import org.fraudstats.catalog.Catalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** --district CODE: a configured district or the city; anything else is a usage error naming the known codes. */
final class AreaOption {

    private AreaOption() {
    }

    /** @param leftOut what the command answers without --district: every area (metrics), the city (headline) */
    static void check(CommandSpec spec, Catalog catalog, String code, String leftOut) {
        if (code != null && code.isEmpty()) {
            // a script's unset variable (--district "$AREA"): said as such, as the API says it, not as an unknown code
            throw new CommandLine.ParameterException(spec.commandLine(), "--district is empty (leave it out for " + leftOut + ")");
        }
        if (code != null && !catalog.isArea(code)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--district " + code
                    + ": unknown district (known: " + String.join(", ", catalog.districtCodes()) + ", " + catalog.cityCode() + ")");
        }
    }
}
