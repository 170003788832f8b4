package org.fraudstats.access;

/** A change of users or tokens that cannot be made (unknown user, name taken, bad name); the message says why. */
public class AccessProblem extends RuntimeException {
    public AccessProblem(String message) {
        super(message);
    }
}
