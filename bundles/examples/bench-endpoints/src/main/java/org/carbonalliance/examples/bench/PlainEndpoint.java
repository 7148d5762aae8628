package org.carbonalliance.examples.bench;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Component;

/** {@code POST /api/bench/plain}: the same work as a hand-written servlet, the baseline. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/bench/plain",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class PlainEndpoint extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CurrentPrincipal.get().orElseThrow(() -> new ApiException(401, "unauthorized", "Log in."));
        Reading reading = readJson(req, Reading.class);
        if (reading.meter() == null || reading.meter().isBlank() || reading.meter().length() > 64) {
            throw ApiException.badRequest("meter: 1 to 64 characters", List.of("meter"));
        }
        writeJson(resp, 200, new Receipt(reading.meter(), reading.kwh(), true));
    }
}
