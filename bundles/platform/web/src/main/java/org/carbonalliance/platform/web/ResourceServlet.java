package org.carbonalliance.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@code RestResource}: finds the declared operation (404, or 405 with {@code Allow}), enforces its access
 * rule (401/403) and guard, parses and validates the body (400 naming every problem), runs the handler and writes its
 * record.
 */
final class ResourceServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResourceServlet.class);

    private final transient RouteTable routes;
    private final transient BodyValidator validator;

    ResourceServlet(List<Operation> operations, BodyValidator validator) {
        this.routes = new RouteTable(operations);
        this.validator = validator;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            dispatch(req, resp);
        } catch (ApiException e) {
            writeError(resp, e);
        } catch (Exception e) {
            if (ConcurrentChange.isCause(e)) {
                LOG.info("Concurrent change refused with 409: {} {}: {}", req.getMethod(), req.getRequestURI(),
                        e.toString());
                writeError(resp, 409, "conflict", "Someone changed this at the same time; read it again and retry.",
                        List.of());
                return;
            }
            LOG.error("Unhandled error serving {} {}", req.getMethod(), req.getRequestURI(), e);
            writeError(resp, 500, "internal-error", "The server could not complete the request; the operator can find "
                    + "the cause in the server log.", List.of());
        } finally {
            discardUnreadBody(req);
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        RouteTable.Lookup lookup = routes.find(req.getMethod(), path);
        if (lookup.allowed().isEmpty()) {
            throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
        }
        String allow = String.join(", ", lookup.allowed());
        if (req.getMethod().equals("OPTIONS")) {
            resp.setHeader("Allow", allow);
            resp.setStatus(204);
            return;
        }
        RouteTable.Match match = lookup.match().orElseThrow(() -> new ApiException(405, "method-not-allowed",
                req.getMethod() + " is not supported here; use " + allow + ".", List.of(), Map.of("Allow", allow)));
        Operation operation = match.operation();
        AlliancePrincipal principal = CurrentPrincipal.get().orElse(null);
        enforce(operation.access(), principal);
        DispatchCall call = new DispatchCall(req, match.parameters(), principal, operation.status());
        if (operation.guard() != null) {
            operation.guard().check(call);
        }
        if (operation.uploadLimit() != null) {
            call.allowUpload();
        }
        if (operation.body() != null) {
            Object body = readJson(req, operation.body());
            List<String> problems = validator.problems(body);
            if (!problems.isEmpty()) {
                throw ApiException.badRequest(problems.size() == 1 ? "A field is invalid: " + problems.get(0) + "."
                        : problems.size() + " fields are invalid; see details.", problems);
            }
            call.body(body);
        }
        Object result = operation.handler().handle(call);
        if (operation.response() == null) {
            resp.setStatus(call.status());
        } else if (operation.list()) {
            writeJson(resp, call.status(), Map.of("items", result));
        } else {
            writeJson(resp, call.status(), result);
        }
    }

    static void enforce(Access access, AlliancePrincipal principal) {
        if (access.isPublic()) {
            return;
        }
        if (principal == null) {
            throw new ApiException(401, "unauthorized",
                    "Log in: send HTTP Basic credentials or an API key (Authorization: Bearer <key>).");
        }
        if (!access.allows(principal.roles())) {
            throw ApiException.forbidden("This needs the role " + String.join(" or ", access.roles()) + ".");
        }
        if (access.needsMember() && principal.tenantId() == null) {
            throw ApiException.forbidden("This is a member organisation's own data, and the account "
                    + principal.username() + " belongs to no member (operator accounts do not). Log in as a user of"
                    + " the member.");
        }
    }
}
