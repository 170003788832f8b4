/**
 * The portal and HTTP API of web.md, in the serve process: sign-in and sessions (Spring Security), /api/v1 for
 * scripts, server-rendered pages (Thymeleaf) for leadership, statisticians, press, administrators and auditors.
 * It answers through the same module APIs as the command line, so a page, the API and the CLI print one figure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "bulletin", "catalog", "delivery",
        "ingest", "metrics", "press", "schedule", "settings", "storage"})
package org.fraudstats.web;
