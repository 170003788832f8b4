package org.fraudstats.web.api;

import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.Inputs;

/** ?revision=N: a whole number from 1, else 400 naming it. */
final class Revisions {

    private Revisions() {
    }

    static Integer parse(String revision) {
        if (revision == null) {
            return null;
        }
        if (!revision.matches("[1-9][0-9]{0,5}")) {
            throw new BadInput("revision: '" + Inputs.printable(revision) + "' is not a revision number (1, 2, …)");
        }
        return Integer.valueOf(revision);
    }
}
