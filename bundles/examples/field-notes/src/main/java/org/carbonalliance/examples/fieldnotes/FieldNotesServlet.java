package org.carbonalliance.examples.fieldnotes;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/field-notes}: list and add notes; {@code /api/field-notes/{id}}: one note. Login required. */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/field-notes/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class FieldNotesServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    /** The request body of POST. */
    public record NewNote(String text) {
    }

    private final transient FieldNotes notes;

    @Activate
    public FieldNotesServlet(@Reference FieldNotes notes) {
        this.notes = notes;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = idFrom(req);
        if (id == null) {
            writeJson(resp, 200, Map.of("items", notes.list()));
            return;
        }
        FieldNote note = notes.find(id).orElseThrow(() -> ApiException.notFound("No field note " + id + "."));
        writeJson(resp, 200, note);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (idFrom(req) != null) {
            throw new ApiException(405, "method-not-allowed", "POST to /api/field-notes to add a note.");
        }
        NewNote body = readJson(req, NewNote.class);
        if (body.text() == null || body.text().isBlank() || body.text().length() > 2000) {
            throw ApiException.badRequest("Field 'text' is required, 1 to 2000 characters.",
                    List.of("text: required, 1-2000 characters"));
        }
        String author = CurrentPrincipal.get().map(AlliancePrincipal::username).orElseThrow();
        writeJson(resp, 201, notes.add(body.text(), author));
    }

    private static String idFrom(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.equals("/") ? null : path.substring(1);
    }

    @Override
    public Map<String, Object> openApiPaths() {
        Map<String, Object> note = Map.of("description", "a note");
        return Map.of(
                "/api/field-notes", Map.of(
                        "get", Map.of("summary", "The current tenant's notes", "tags", List.of("examples"),
                                "responses", Map.of("200", Map.of("description", "notes"))),
                        "post", Map.of("summary", "Add a note", "tags", List.of("examples"),
                                "requestBody", Map.of("required", true, "content", Map.of("application/json",
                                        Map.of("schema", Map.of("type", "object", "required", List.of("text"),
                                                "additionalProperties", false,
                                                "properties", Map.of("text", Map.of("type", "string",
                                                        "minLength", 1, "maxLength", 2000)))))),
                                "responses", Map.of("201", note, "400", Map.of("description", "invalid note")))),
                "/api/field-notes/{id}", Map.of(
                        "get", Map.of("summary", "One note of the current tenant", "tags", List.of("examples"),
                                "parameters", List.of(Map.of("name", "id", "in", "path", "required", true,
                                        "schema", Map.of("type", "string"))),
                                "responses", Map.of("200", note, "404", Map.of("description", "no such note")))));
    }
}
