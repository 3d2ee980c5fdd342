package dev.gbconnect.custodian.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * One JAX-RS application at the root: ESPI resources live under {@code /espi/1_1/resource}, operator APIs under
 * {@code /admin}. The data source is chosen at run time by {@link ConfiguredDataSource}, so the same jar runs on
 * embedded Derby or on PostgreSQL with nothing but configuration.
 */
@ApplicationPath("/")
@DataSourceDefinition(
        name = CustodianApplication.DATA_SOURCE,
        className = "dev.gbconnect.custodian.platform.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 16)
public class CustodianApplication extends Application {
    public static final String DATA_SOURCE = "java:app/jdbc/custodian";
}
