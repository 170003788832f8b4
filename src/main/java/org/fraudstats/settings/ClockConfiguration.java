package org.fraudstats.settings;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" for the whole application, as one bean so tests can move it: which business day is yesterday (`nightly`
 * without --date, the schedules' catch-up), whether a drop's deadline has passed, when a bulletin was generated.
 * A test declares its own Clock bean, marked @Primary because the order in which this condition and the test's
 * configuration are read is not guaranteed. Quartz itself fires on the system clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BusinessTime.ZONE);
    }
}
