/**
 * Mails every published bulletin and revision to the lists of jobs/distribution.yml (delivery.md): one recorded
 * delivery per list, recipient and bulletin, in table delivery, committed before it is sent and marked sent after
 * the relay accepted it in one short transaction, so it goes out once whoever runs it (a death between the relay's
 * acceptance and the commit sends it again, with the same Message-ID: README, Mail). Runs after publishing, as a step
 * of its own: a relay that is down leaves the mails pending and retried, never a bulletin unpublished. Uses
 * bulletin's Published files and the figures its revisions printed, the catalog, storage's SQL files and the audit
 * log (each mail's outcome).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bulletin", "catalog", "storage", "audit"})
package org.fraudstats.delivery;
