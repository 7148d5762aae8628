package org.carbonalliance.platform.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Alliance REST API", description = "Limits that apply to every request under /api.")
public @interface WebConfig {

    @AttributeDefinition(name = "Largest request body (bytes)", min = "1024",
            description = "Larger bodies are refused with 413 before any endpoint reads them.")
    long maxBodyBytes() default 1_048_576;
}
