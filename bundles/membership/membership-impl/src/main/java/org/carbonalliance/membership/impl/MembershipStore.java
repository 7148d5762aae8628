package org.carbonalliance.membership.impl;

import org.carbonalliance.platform.api.persistence.Database;

/** The membership capability's persistence unit (tables mb_*), opened once and shared by its components. */
public interface MembershipStore {

    Database database();
}
