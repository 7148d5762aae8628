package org.carbonalliance.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.function.Function;
import javax.sql.DataSource;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A persistence unit backed by its own Hibernate SessionFactory on the shared DataSource. */
final class HibernateDatabase implements Database {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.carbonalliance.audit");

    private final String name;
    private final SessionFactory sessionFactory;

    HibernateDatabase(PersistenceUnit unit, ClassLoader bundleLoader, DataSource dataSource) {
        this.name = unit.name();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SessionFactory.class.getClassLoader());
        try {
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                    .applyClassLoader(bundleLoader)
                    .applyClassLoader(SessionFactory.class.getClassLoader())
                    .build();
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                    .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                    .applySetting(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new PrincipalTenantResolver())
                    .applySetting(AvailableSettings.XML_MAPPING_ENABLED, false)
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            unit.entities().forEach(sources::addAnnotatedClass);
            this.sessionFactory = sources.buildMetadata().buildSessionFactory();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return run(PrincipalTenantResolver.currentTenant(), false, work);
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return run(PrincipalTenantResolver.currentTenant(), true, work);
    }

    @Override
    public <T> T readAcrossTenants(String reason, Function<EntityManager, T> work) {
        AUDIT.info("cross-tenant read of {} by {}: {}", name,
                CurrentPrincipal.get().map(AlliancePrincipal::username).orElse("anonymous"), reason);
        return run(PrincipalTenantResolver.ROOT, true, work);
    }

    private <T> T run(String tenant, boolean readOnly, Function<EntityManager, T> work) {
        try (Session session = sessionFactory.withOptions().tenantIdentifier((Object) tenant).openSession()) {
            if (readOnly) {
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
            }
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                if (readOnly) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                ThreadTransactions.Scope atomic = ThreadTransactions.current();
                if (atomic != null) {
                    atomic.markRollbackOnly();
                }
                throw e;
            }
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
    }

    boolean isOpen() {
        return sessionFactory.isOpen();
    }
}
