/**
 * Who may sign in (web.md "Users, roles, credentials"): users with one role each, password hashes, personal API
 * tokens (stored hashed), TOTP enrolment and the lockout after failed sign-ins. Kept in PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"settings", "storage", "audit"})
package org.fraudstats.access;
