package org.carbonalliance.patentpool.impl;

import java.util.List;
import org.carbonalliance.patentpool.impl.Imports.Format;
import org.carbonalliance.patentpool.impl.Imports.ImportView;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/patentpool/imports}: bulk imports of patent files as jobs with progress. */
@Component(service = RestResource.class, configurationPid = "org.carbonalliance.patentpool")
public class ImportsResource implements RestResource {

    private static final Access MEMBERS = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER, Roles.ALLIANCE_ADMIN);

    private final Imports imports;
    private volatile long maxImportBytes;

    @Activate
    public ImportsResource(@Reference Imports imports, PatentPoolConfig config) {
        this.imports = imports;
        configure(config);
    }

    @Modified
    void configure(PatentPoolConfig config) {
        this.maxImportBytes = config.maxImportBytes();
    }

    @Override
    public String base() {
        return "/patentpool/imports";
    }

    @Override
    public String tag() {
        return "patentpool";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.post("").id("startImport")
                        .summary("Import a file of patents as a job (members for their organisation; the "
                                + "secretariat's rows name their member): the file is the request body")
                        .access(MEMBERS)
                        .upload("text/csv (lens-csv), application/xml (st36-xml), or a plugin format's type; gzip or"
                                + " zip compressed too", () -> maxImportBytes)
                        .query("format", "string", "lens-csv, st36-xml, or a plugin's format (see /formats)")
                        .query("fileName", "string", "the file's name, shown with the job")
                        .returns(202, ImportView.class)
                        .error(413, "the file, or what it expands to, is larger than the configured limit")
                        .handle(call -> imports.start(call.query("format").orElseThrow(() -> ApiException.badRequest(
                                "Name the file's format: ?format=lens-csv, st36-xml, or a plugin's.",
                                List.of("format: required"))), call.query("fileName").orElse(null), call.upload(),
                                call.caller())),
                Operation.get("").id("listImports")
                        .summary("Your organisation's latest imports (the secretariat: everyone's), newest first")
                        .access(MEMBERS).returnsList(200, ImportView.class)
                        .handle(call -> imports.recent(call.caller())),
                Operation.get("/formats").id("listImportFormats").summary("The formats the pool can import")
                        .access(MEMBERS).returnsList(200, Format.class)
                        .handle(call -> imports.formats()),
                Operation.get("/{id}").id("getImport")
                        .summary("An import's progress: items read, imported, updated, unchanged, rejected (with the "
                                + "item number and reason of the first 200)")
                        .access(MEMBERS).returns(200, ImportView.class).error(404, "no such import of yours")
                        .handle(call -> imports.find(call.path("id"), call.caller()).orElseThrow(() ->
                                ApiException.notFound("Your organisation has no import " + call.path("id") + "."))));
    }
}
