package org.carbonalliance.examples.bench;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request both endpoints take: a meter reading. */
public record Reading(@NotBlank @Size(min = 1, max = 64) String meter, double kwh) {
}
