package org.carbonalliance.patentpool.impl;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.impl.imports.LensCsvWriter;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/patentpool/export}: the whole pool as a Lens.org-style CSV, in the columns the lens-csv import reads
 * (logged in; a cross-tenant read, logged). Importing it into an empty pool gives the same records. Demo patents
 * are left out: they are made up, and would come back as real ones.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/patentpool/export",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class ExportServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final int PAGE = 1000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportServlet.class);

    private final transient Database database;

    @Activate
    public ExportServlet(@Reference PoolDatabase pool) {
        this.database = pool.database();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/csv");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"patent-pool.csv\"");
        write(database, resp.getWriter());
    }

    /** Writes the pool (demo patents left out) as CSV, a thousand rows per read, in publication-number order. */
    static void write(Database database, Writer out) throws IOException {
        LensCsvWriter csv = new LensCsvWriter(out);
        csv.writeHeader();
        String after = "";
        while (true) {
            String from = after;
            List<PooledPatent> page = database.readAcrossTenants("patent pool: CSV export", em -> em.createQuery(
                    "select p from PooledPatent p where p.publicationNumber > :after and p.demo = false "
                            + "order by p.publicationNumber",
                    PooledPatent.class).setParameter("after", from).setMaxResults(PAGE).getResultList());
            for (PooledPatent p : page) {
                try {
                    csv.write(data(p));
                } catch (IllegalArgumentException e) {
                    // A value the CSV cannot carry (";;" in a name, stored before that was refused): leave the row
                    // out rather than end the export midway, and tell the operator.
                    LOG.warn("CSV export: {} left out: {}", p.publicationNumber(), e.getMessage());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).publicationNumber();
        }
        csv.flush();
    }

    /** The record as an import reads it: derived tags and a computed expiry are left for the import to derive. */
    static PatentData data(PooledPatent p) {
        boolean statedExpiry = p.expiryReason() != null;
        return new PatentData(p.publicationNumber(), p.familyId(), p.applicationNumber(), p.applicationDate(),
                p.priorityDate(), p.grantDate(), statedExpiry ? p.expiryDate() : null, p.expiryReason(),
                LegalStatus.fromWire(p.legalStatus()).orElse(null), p.titleEn(), p.titleZh(), p.abstractEn(),
                p.abstractZh(), p.applicants(), p.owners(), p.inventors(), p.cpcCodes(), p.manualTags(),
                p.ipcCodes(), p.officeLink(), p.tenantId());
    }
}
