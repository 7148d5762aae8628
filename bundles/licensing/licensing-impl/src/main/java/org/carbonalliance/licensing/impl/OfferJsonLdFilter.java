package org.carbonalliance.licensing.impl;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferView;
import org.carbonalliance.licensing.impl.terms.OdrlDocument;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/licensing/offers/{id}} with {@code Accept: application/ld+json}: the offer as a W3C ODRL 2.2 policy
 * (JSON-LD, its context inline so that processing it fetches nothing). Other requests pass to the offers resource.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/licensing/offers/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class OfferJsonLdFilter implements Filter {

    static final String JSON_LD = "application/ld+json";
    static final String BASE = "https://carbonalliance.org/licensing/offers/";

    private final Licensing licensing;

    @Activate
    public OfferJsonLdFilter(@Reference Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String accept = http.getHeader("Accept");
        String path = http.getPathInfo();
        if (!"GET".equals(http.getMethod()) || accept == null || !accept.contains(JSON_LD) || path == null
                || !path.matches("/[A-Za-z0-9-]{1,36}")) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse out = (HttpServletResponse) response;
        String id = path.substring(1);
        Optional<OfferView> offer = licensing.offer(id, null);
        if (offer.isEmpty()) {
            ApiServlet.writeError(out, 404, "not-found", "There is no offer " + id + ".", List.of());
            return;
        }
        OfferView o = offer.get();
        byte[] body = OdrlDocument.jsonLd(BASE + o.id() + "/v" + o.version(), "https://carbonalliance.org/",
                o.version(), o.terms()).getBytes(StandardCharsets.UTF_8);
        out.setStatus(200);
        out.setContentType(JSON_LD + ";charset=UTF-8");
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }
}
