package org.fraudstats.support;

import org.fraudstats.FraudstatsApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@link DatabaseTest} with the portal: the servlet application `serve` runs, driven through MockMvc (the filters of
 * Spring Security included), on the class's own fresh database.
 */
@SpringBootTest(classes = FraudstatsApplication.class, properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
public abstract class PortalTest extends DatabaseTest {

    @Autowired
    protected MockMvc mvc;
}
