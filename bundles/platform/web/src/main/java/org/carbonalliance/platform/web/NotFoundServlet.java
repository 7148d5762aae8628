package org.carbonalliance.platform.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Component;

/** Answers every path under /api that no endpoint claims, in the JSON error shape. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class NotFoundServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        ApiException e = new ApiException(404, "not-found", "There is no endpoint at " + req.getRequestURI()
                + "; /api/openapi.json lists them.", List.of());
        writeError(resp, e.status(), e.code(), e.getMessage(), e.details());
        discardUnreadBody(req);
    }
}
