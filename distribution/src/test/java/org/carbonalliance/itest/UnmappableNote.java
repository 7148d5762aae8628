package org.carbonalliance.itest;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entity Hibernate cannot map (it has no identifier), for the test of a unit that fails in the background. */
@Entity
@Table(name = "itest_probe_note")
public class UnmappableNote {
    private String text;
}
