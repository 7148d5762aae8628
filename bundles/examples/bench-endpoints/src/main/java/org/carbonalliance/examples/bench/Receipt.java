package org.carbonalliance.examples.bench;

/** The answer both endpoints give. */
public record Receipt(String meter, double kwh, boolean accepted) {
}
