package org.fraudstats;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; the arrows between them point one way (cli and schedule on top, then
 * the jobs, then ingest and metrics, press and bulletin) and a cycle fails the build, as does a reach into another
 * module's sub-packages (they are internal) or an arrow its package-info's {@code @ApplicationModule} does not allow.
 */
class ModuleStructureTest {

    @Test
    void modulesDependOnEachOtherOneWayOnly() {
        ApplicationModules.of(FraudstatsApplication.class).verify();
    }
}
