package org.carbonalliance.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Component;

/**
 * Turns errors raised by the container itself (not by an endpoint) into the JSON error shape, without internals.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.errorPage=4xx",
        "osgi.http.whiteboard.servlet.errorPage=5xx",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class ErrorPageServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String message = status >= 500
                ? "The server could not complete the request; the operator can find the cause in the server log."
                : "The request could not be served (HTTP " + status + ").";
        writeError(resp, status, status >= 500 ? "internal-error" : "http-" + status, message, List.of());
    }
}
