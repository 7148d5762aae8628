package org.carbonalliance.membership.impl;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Handler;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/membership/members}: the public directory of active members; one member's full record for itself and
 * the secretariat; suspension and reinstatement by the secretariat; withdrawal by the member's admin or the secretariat.
 */
@Component(service = RestResource.class)
public class MembersResource implements RestResource {

    /** Body of suspend and withdraw. */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A member as the public directory shows it. */
    public record DirectoryEntry(String id, String name, String localName, String type, String country,
            List<String> areas, String website, Instant memberSince, boolean demo) {

        static DirectoryEntry of(Member m) {
            return new DirectoryEntry(m.tenantId(), m.name(), m.localName(), m.type(), m.country(), m.areas(),
                    m.website(), m.memberSince(), m.demo());
        }
    }

    /** A member's full record, for itself and the secretariat: the directory entry and its state. */
    public record MemberView(String id, String name, String localName, String type, String country,
            List<String> areas, String website, Instant memberSince, boolean demo, String status,
            String statusReason, String applicationId) {

        static MemberView of(Member m) {
            return new MemberView(m.tenantId(), m.name(), m.localName(), m.type(), m.country(), m.areas(),
                    m.website(), m.memberSince(), m.demo(), m.status().name().toLowerCase(Locale.ROOT),
                    m.statusReason(), m.applicationId());
        }
    }

    private static final Access SECRETARIAT = Access.anyRole(Roles.ALLIANCE_ADMIN);

    private final Members members;

    @Activate
    public MembersResource(@Reference Members members) {
        this.members = members;
    }

    @Override
    public String base() {
        return "/membership/members";
    }

    @Override
    public String tag() {
        return "membership";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listMembers")
                        .summary("Directory of active members (public); ?all=true for alliance-admins")
                        .access(Access.PUBLIC).query("all", "boolean", "alliance-admins: include inactive members")
                        .returnsList(200, DirectoryEntry.class).handle(call -> {
                            // Operators asking for all members get full records (a superset of the entry).
                            boolean all = isAdmin(call) && call.query("all").map("true"::equals).orElse(false);
                            return members.list(all).stream()
                                    .map(m -> all ? (Object) MemberView.of(m) : DirectoryEntry.of(m)).toList();
                        }),
                Operation.get("/{tenantId}").id("getMember")
                        .summary("A member's full record: for itself and the secretariat")
                        .access(Access.AUTHENTICATED).returns(200, MemberView.class)
                        .error(404, "no such member you can see").handle(call -> {
                            String tenantId = call.path("tenantId");
                            if (!isAdmin(call) && !tenantId.equals(call.caller().tenantId())) {
                                throw ApiException.notFound("There is no member " + tenantId + " you can see.");
                            }
                            return view(tenantId);
                        }),
                change("suspend", "suspendMember", "Suspend a member (alliance-admin)", SECRETARIAT, true,
                        call -> members.suspend(call.path("tenantId"), call.body(Reason.class).reason().strip())),
                change("reinstate", "reinstateMember", "Reinstate a suspended member (alliance-admin)", SECRETARIAT,
                        false, call -> members.reinstate(call.path("tenantId"))),
                change("withdraw", "withdrawMember", "Withdraw a member (its member-admin or the secretariat)",
                        Access.anyRole(Roles.ALLIANCE_ADMIN, Roles.MEMBER_ADMIN), true,
                        call -> members.withdraw(call.path("tenantId"), call.body(Reason.class).reason().strip())));
    }

    /** A change of a member's state; answers the member's full record. */
    private interface Change {
        void apply(Call call) throws Exception;
    }

    private Operation change(String action, String id, String summary, Access access, boolean withReason,
            Change work) {
        Operation.Builder builder = Operation.post("/{tenantId}/" + action).id(id).summary(summary).access(access)
                .guard(MembersResource::secretariatOrOwnAdmin);
        if (withReason) {
            builder.body(Reason.class);
        }
        Handler handler = call -> {
            try {
                work.apply(call);
            } catch (Applications.NotFound e) {
                throw ApiException.notFound(e.getMessage());
            } catch (IllegalStateException e) {
                throw new ApiException(409, "conflict", e.getMessage());
            }
            return view(call.path("tenantId"));
        };
        return builder.returns(200, MemberView.class).error(404, "no such member")
                .error(409, "not possible in the member's state").handle(handler);
    }

    private MemberView view(String tenantId) {
        return members.find(tenantId).map(MemberView::of)
                .orElseThrow(() -> ApiException.notFound("There is no member " + tenantId + "."));
    }

    /** Member-admins act on their own organisation only; the access rule has let only them and operators through. */
    private static void secretariatOrOwnAdmin(Call call) {
        AlliancePrincipal caller = call.caller();
        if (!isAdmin(call) && !call.path("tenantId").equals(caller.tenantId())) {
            throw ApiException.forbidden("Only the member's admin or the secretariat withdraws a member.");
        }
    }

    private static boolean isAdmin(Call call) {
        return call.principal().map(p -> p.hasRole(Roles.ALLIANCE_ADMIN)).orElse(false);
    }
}
