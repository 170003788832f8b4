package org.fraudstats.web.api;

import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.Inputs;

/** A listing's `limit` parameter: how many rows a script asks for, 1 to 1000. */
final class Limit {

    private Limit() {
    }

    static int of(String limit, int byDefault) {
        if (limit == null) {
            return byDefault;
        }
        if (!limit.matches("[0-9]{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 1000) {
            throw new BadInput("limit: '" + Inputs.printable(limit) + "' is not a number from 1 to 1000");
        }
        return Integer.parseInt(limit);
    }
}
