package org.fraudstats.access;

import java.time.OffsetDateTime;

/**
 * A token as the administrators' page lists it: whose, when made, until when valid, when last used (null: never;
 * to the minute). The token itself is nowhere.
 */
public record TokenInfo(long id, String user, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {

    public boolean expiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}
