package org.fraudstats.cli;

/** A failure whose message alone tells the user what to fix (exit 1). */
class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    /** An id or name given that names nothing (`restart 999999`): a usage error, exit 2, as `user … NAME` is. */
    static class NamesNothing extends UserError {
        NamesNothing(String message) {
            super(message);
        }
    }
}
