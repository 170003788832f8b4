package org.fraudstats.settings;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" for the schedules, as a bean so tests can move it: which business day is yesterday, and whether a
 * drop's deadline has passed. Quartz itself fires on the system clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BEIJING);
    }
}
