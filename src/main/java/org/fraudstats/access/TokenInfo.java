package org.fraudstats.access;

import java.time.OffsetDateTime;

/** A token as the administrators' page lists it: whose, when made, until when valid. The token itself is nowhere. */
public record TokenInfo(long id, String user, OffsetDateTime createdAt, OffsetDateTime expiresAt) {

    public boolean expiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}
