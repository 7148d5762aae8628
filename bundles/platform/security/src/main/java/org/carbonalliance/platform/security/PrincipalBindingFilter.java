package org.carbonalliance.platform.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiContext;
import org.osgi.service.component.annotations.Component;

/** Binds the authenticated principal to the serving thread, so persistence filters by its tenant. */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        "service.ranking:Integer=1000" })
public class PrincipalBindingFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object principal = request.getAttribute(ApiContext.PRINCIPAL_ATTRIBUTE);
        if (!(principal instanceof AlliancePrincipal bound)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            CurrentPrincipal.runAs(bound, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
