package probe;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A controller guarded as the portal's are, for the security tests alone: outside org.fraudstats so no other
 * test's component scan finds it; WebSecurityTest imports it.
 */
@Controller
public class RoleProbe {

    @GetMapping("/api/v1/probe")
    @ResponseBody
    @PreAuthorize("hasRole('STATISTICIAN')")
    public String apiForStatisticians() {
        return "{}";
    }

    @PostMapping("/api/v1/probe")
    @ResponseBody
    @PreAuthorize("hasRole('STATISTICIAN')")
    public String postForStatisticians() {
        return "{\"posted\":true}";
    }

    @GetMapping("/probe")
    @ResponseBody
    @PreAuthorize("hasRole('AUDITOR')")
    public String pageForAuditors() {
        return "auditors only";
    }
}
