package org.fraudstats.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.access.Role;
import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what a signed-in user did through the portal or the API (web.md "Audit log": reads of figures and
 * headlines, downloads, reruns, stops, restarts) with who, in which role and from where, taken from the request.
 * Recorded before the answer is sent: an action that cannot be recorded fails (AuditTrail).
 */
@Component
public class PortalAudit {

    private final AuditTrail trail;

    PortalAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Who asked, kept for what ends after the answer (a rerun's end, recorded by its own thread). */
    public record Who(String user, String role, String client) {
    }

    public void record(String action, String object, String result) {
        record(who(), action, object, result);
    }

    public void record(Who who, String action, String object, String result) {
        trail.record(new AuditEvent(who.user(), who.role(), who.client(), action, object, result));
    }

    /** The signed-in user of this request, in their role, from their address. */
    public Who who() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String user = who == null ? "" : who.getName();
        String role = who == null ? "" : who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(a -> java.util.Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
                .map(Role::code).findFirst().orElse("");
        return new Who(user, role, client());
    }

    private static String client() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return org.fraudstats.web.security.Clients.address(request);
        }
        return "";
    }
}
