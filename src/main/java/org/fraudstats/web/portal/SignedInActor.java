package org.fraudstats.web.portal;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.access.Actor;
import org.fraudstats.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user as access's {@link Actor}: who changes users and tokens from the portal, for the audit log. */
public final class SignedInActor {

    private SignedInActor() {
    }

    public static Actor of(Authentication who, HttpServletRequest request) {
        String role = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(a -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
                .map(Role::code).findFirst().orElse("");
        return new Actor(who.getName(), role, org.fraudstats.web.security.Clients.address(request));
    }
}
