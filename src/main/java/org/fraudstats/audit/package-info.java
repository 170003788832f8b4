/**
 * The audit log of web.md: append-only records of sign-ins, downloads, reads of figures, reruns, changes of users
 * and tokens and every refused request, kept in PostgreSQL where the application's database user cannot change
 * or delete them, shown to the auditor only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"settings", "storage"})
package org.fraudstats.audit;
