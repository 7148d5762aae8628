package org.carbonalliance.examples.fieldnotes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.validation.SingleLine;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/field-notes}: the current tenant's notes; other tenants' notes do not exist here. */
@Component(service = RestResource.class)
public class FieldNotesResource implements RestResource {

    /** The request body of POST. */
    public record NewNote(@NotBlank @Size(min = 1, max = 2000) @SingleLine(multiline = true) String text) {
    }

    /** A note as the API shows it. */
    public record Note(String id, String tenantId, String text, String author, Instant createdAt) {
        static Note of(FieldNote note) {
            return new Note(note.getId(), note.getTenantId(), note.getText(), note.getAuthor(), note.getCreatedAt());
        }
    }

    private final FieldNotes notes;

    @Activate
    public FieldNotesResource(@Reference FieldNotes notes) {
        this.notes = notes;
    }

    @Override
    public String base() {
        return "/field-notes";
    }

    @Override
    public String tag() {
        return "examples";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listFieldNotes").summary("The current tenant's notes")
                        .access(Access.MEMBER).returnsList(200, Note.class)
                        .handle(call -> notes.list().stream().map(Note::of).toList()),
                Operation.post("").id("addFieldNote").summary("Add a note").access(Access.MEMBER)
                        .body(NewNote.class).returns(201, Note.class)
                        .handle(call -> Note.of(notes.add(call.body(NewNote.class).text(), call.caller().username()))),
                Operation.get("/{id}").id("getFieldNote").summary("One note of the current tenant")
                        .access(Access.MEMBER).returns(200, Note.class).error(404, "no such note")
                        .handle(call -> notes.find(call.path("id")).map(Note::of)
                                .orElseThrow(() -> ApiException.notFound("No field note " + call.path("id") + "."))));
    }
}
