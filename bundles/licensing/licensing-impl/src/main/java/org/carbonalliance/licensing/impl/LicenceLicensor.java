package org.carbonalliance.licensing.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Which licensor members a licence involves: how a licensor finds the licences of its own patents quickly. */
@Entity
@Table(name = "lc_licence_licensor")
@IdClass(LicenceLicensor.Key.class)
public class LicenceLicensor {

    /** Composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String licenceId;
        private String licensorTenant;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.licenceId.equals(licenceId) && k.licensorTenant.equals(licensorTenant);
        }

        @Override
        public int hashCode() {
            return licenceId.hashCode() * 31 + licensorTenant.hashCode();
        }
    }

    @Id @Column(name = "licence_id") private String licenceId;
    @Id @Column(name = "licensor_tenant") private String licensorTenant;

    protected LicenceLicensor() {
    }

    LicenceLicensor(String licenceId, String licensorTenant) {
        this.licenceId = licenceId;
        this.licensorTenant = licensorTenant;
    }
}
