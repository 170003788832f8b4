/**
 * The command line of cli.md (picocli, one class per command): parses and checks options, calls the module that does
 * the work and prints its answer; errors in one line, exit 2 for usage. May use every module's API, nothing internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bench", "bulletin", "catalog", "delivery", "generate", "ingest",
        "metrics", "nightly", "press", "schedule", "settings", "storage", "access", "audit", "web"})
package org.fraudstats.cli;
