package org.carbonalliance.patentpool.impl;

import java.util.List;
import java.util.Optional;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentCatalogue;
import org.carbonalliance.patentpool.api.PublicationNumber;
import org.carbonalliance.platform.api.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link PatentCatalogue} over table pp_patent: cross-tenant reads, each logged with its reason. */
@Component(service = PatentCatalogue.class)
public class PatentCatalogueImpl implements PatentCatalogue {

    private final Database database;

    @Activate
    public PatentCatalogueImpl(@Reference PoolDatabase pool) {
        this.database = pool.database();
    }

    @Override
    public Optional<PatentSummary> find(String publicationNumber) {
        String key = PublicationNumber.parse(publicationNumber).map(PublicationNumber::toString).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.readAcrossTenants("patent catalogue for another capability",
                em -> em.find(PooledPatent.class, key))).map(PatentCatalogueImpl::summary);
    }

    @Override
    public List<PatentSummary> withClimateTag(String climateTag) {
        // Tags are stored one per line: match the whole line.
        String tag = climateTag.strip();
        return database.readAcrossTenants("patent catalogue for another capability: by climate tag", em -> em
                .createQuery("select p from PooledPatent p where concat('\n', p.climateTags, '\n') like :tag "
                        + "order by p.publicationNumber", PooledPatent.class)
                .setParameter("tag", "%\n" + tag.replace("%", "").replace("_", "") + "\n%").setMaxResults(10_000)
                .getResultList()).stream().map(PatentCatalogueImpl::summary).toList();
    }

    static PatentSummary summary(PooledPatent p) {
        return new PatentSummary(p.publicationNumber(), p.tenantId(), LegalStatus.fromWire(p.legalStatus())
                .orElse(LegalStatus.PENDING), p.climateTags(), p.expiryDate(), p.withdrawalEffective(), p.demo());
    }
}
