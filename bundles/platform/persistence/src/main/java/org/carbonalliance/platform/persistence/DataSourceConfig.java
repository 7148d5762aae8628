package org.carbonalliance.platform.persistence;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Alliance database",
        description = "The one database every capability stores its tables in. H2 in data/db by default; for "
                + "PostgreSQL set the driver filter to (osgi.jdbc.driver.class=org.postgresql.Driver), install its driver bundle and set the URL.")
public @interface DataSourceConfig {

    @AttributeDefinition(name = "JDBC URL", description = "Empty: the framework property alliance.db.url "
            + "(conf/config.properties), else an H2 file database in data/db. ${name} is replaced by framework properties.")
    String url() default "";

    @AttributeDefinition(name = "Driver",
            description = "Filter selecting the OSGi DataSourceFactory that the JDBC driver bundle registers.")
    String driver_target() default "(osgi.jdbc.driver.class=org.h2.Driver)";

    @AttributeDefinition(name = "User")
    String user() default "alliance";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "Empty for the embedded H2 database, which only this process can open.")
    String password() default "";

    @AttributeDefinition(name = "Maximum pool size", min = "1", max = "200")
    int maxPoolSize() default 10;
}
