package org.carbonalliance.examples.hello;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The smallest plugin: a public endpoint at {@code /api/hello} that names the bundle version answering, so hot deploy,
 * update and removal can be watched from outside.
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/hello",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class HelloServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    private final String version;

    @Activate
    public HelloServlet(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        writeJson(resp, 200, Map.of("message", "Hello from a Carbon Alliance plugin", "bundleVersion", version));
    }

    @Override
    public Map<String, Object> openApiPaths() {
        return Map.of("/api/hello", Map.of("get", Map.of(
                "summary", "Greeting from the example plugin, with the bundle version that answers",
                "tags", List.of("examples"),
                "security", List.of(),
                "responses", Map.of("200", Map.of("description", "the greeting")))));
    }
}
