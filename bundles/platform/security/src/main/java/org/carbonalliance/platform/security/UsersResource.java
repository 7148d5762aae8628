package org.carbonalliance.platform.security;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/identity/users}: a member-admin manages the users of its own tenant: list, invite (POST, the one-time
 * activation token in the answer), change roles or disable ({@code PATCH /{email}}). Other tenants' users do not exist
 * here (404).
 */
@Component(service = RestResource.class)
public class UsersResource implements RestResource {

    /** Body of POST. */
    public record Invite(@NotBlank @Email @Size(max = 320) String email,
            @NotEmpty Set<@NotBlank @Size(max = 40) String> roles) {
    }

    /** Body of PATCH; absent fields stay as they are. */
    public record Change(Set<@NotBlank @Size(max = 40) String> roles, Boolean enabled) {
    }

    /** A user of the caller's organisation. */
    public record UserView(String email, Set<String> roles, boolean enabled, boolean activated, Instant createdAt) {
        static UserView of(Account account) {
            return new UserView(account.username(), account.roles(), account.enabled(), account.activated(),
                    account.createdAt());
        }
    }

    /** An invitation: the one-time activation token for the invited person. */
    public record InvitationView(String email, String activationToken, Instant expiresAt) {
    }

    private final UserDirectory directory;
    private final IdentityService identities;

    @Activate
    public UsersResource(@Reference UserDirectory directory, @Reference IdentityService identities) {
        this.directory = directory;
        this.identities = identities;
    }

    @Override
    public String base() {
        return "/identity/users";
    }

    @Override
    public String tag() {
        return "identity";
    }

    @Override
    public List<Operation> operations() {
        Access admin = Access.anyRole(Roles.MEMBER_ADMIN);
        return List.of(
                Operation.get("").id("listUsers").summary("Users of your organisation (member-admin)")
                        .access(admin).returnsList(200, UserView.class)
                        .handle(call -> directory.users(tenant(call)).stream().map(UserView::of).toList()),
                Operation.post("").id("inviteUser")
                        .summary("Invite a user; the answer carries the one-time activation token")
                        .access(admin).body(Invite.class).returns(201, InvitationView.class)
                        .error(409, "the address cannot be invited")
                        .handle(this::invite),
                Operation.patch("/{email}").id("changeUser").summary("Change a user's roles or disable/enable it")
                        .access(admin).body(Change.class).returns(200, UserView.class)
                        .error(404, "no such user in your organisation")
                        .error(409, "would leave the organisation without an active member-admin")
                        .handle(this::change));
    }

    /** @return the caller's tenant; operators are no member-admins of any */
    private static String tenant(Call call) {
        AlliancePrincipal caller = call.caller();
        if (caller.tenantId() == null) {
            throw ApiException.forbidden("Only a member-admin manages the users of its organisation.");
        }
        return caller.tenantId();
    }

    private InvitationView invite(Call call) {
        Invite body = call.body(Invite.class);
        try {
            Invitation invitation = identities.invite(tenant(call), body.email(), body.roles());
            return new InvitationView(invitation.email(), invitation.activationToken(), invitation.expiresAt());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), List.of());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
    }

    private UserView change(Call call) {
        Change body = call.body(Change.class);
        String email = call.path("email");
        try {
            return directory.update(tenant(call), email, body.roles(), body.enabled()).map(UserView::of)
                    .orElseThrow(() -> ApiException.notFound("Your organisation has no user " + email + "."));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), List.of());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new ApiException(409, "conflict", "Another change to your organisation's users is being saved; "
                    + "reload and try again.");
        }
    }
}
