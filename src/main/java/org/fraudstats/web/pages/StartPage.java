package org.fraudstats.web.pages;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** `/`: each role's start page (web.md). */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN', 'PRESS', 'ADMIN', 'AUDITOR')")
class StartPage {

    @GetMapping("/")
    String start(Authentication who) {
        return "redirect:" + SignedIn.of(who).home();
    }
}
