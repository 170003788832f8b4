package org.fraudstats.audit;

/**
 * The append-only audit log every module writes to. An event that cannot be recorded is an error for the
 * action it describes: an unrecorded action must not happen silently (MLPS 2.0 level 3, security audit).
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
