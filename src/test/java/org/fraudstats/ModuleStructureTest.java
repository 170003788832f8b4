package org.fraudstats;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; the arrows between them point one way (cli and schedule on top, then
 * the jobs, then ingest and metrics, press and bulletin) and a cycle fails the build.
 */
class ModuleStructureTest {

    @Test
    void modulesDependOnEachOtherOneWayOnly() {
        ApplicationModules.of(FraudstatsApplication.class).verify();
    }
}
