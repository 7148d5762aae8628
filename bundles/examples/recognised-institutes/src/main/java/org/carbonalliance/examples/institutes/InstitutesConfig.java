package org.carbonalliance.examples.institutes;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Example: recognised research institutes",
        description = "Research institutes and universities the alliance recognises without further checks.")
public @interface InstitutesConfig {

    @AttributeDefinition(name = "Recognised institutions", description = "Names, compared ignoring case.")
    String[] names() default {"Chinese Academy of Sciences", "Tsinghua University", "Peking University",
        "Zhejiang University", "Shanghai Jiao Tong University", "Fraunhofer-Gesellschaft"};
}
