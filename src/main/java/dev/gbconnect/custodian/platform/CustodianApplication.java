package dev.gbconnect.custodian.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * One JAX-RS application at the root: ESPI resources live under {@code /espi/1_1/resource}, operator APIs under
 * {@code /admin}. The data source is chosen at run time by {@link ConfiguredDataSource}, so the same jar runs on
 * embedded Derby or on PostgreSQL with nothing but configuration.
 *
 * <p>Jersey's WADL is off: it answered {@code OPTIONS} and {@code /application.wadl} to anyone with a list of every
 * resource and the Jersey version (issue 14). {@code /openapi} describes the API.
 */
@ApplicationPath("/")
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = CustodianApplication.DATA_SOURCE,
            className = "dev.gbconnect.custodian.platform.ConfiguredDataSource",
            minPoolSize = 1,
            maxPoolSize = 16),
    // Feed reads only (ReadReplica): outside transactions, so that a read joins no transaction of the primary's,
    // and empty until the first read, so that an instance without custodian.db.replica-url never connects. Each
    // connection is checked (Connection.isValid, one round trip) before it is lent, and all are dropped when one
    // fails: a replica restarted or stopped leaves only dead connections in the pool, and a feed read on one of
    // them failed with a 500 (ReadReplicaIT).
    @DataSourceDefinition(
            name = CustodianApplication.REPLICA_DATA_SOURCE,
            className = "dev.gbconnect.custodian.platform.ReplicaDataSource",
            transactional = false,
            minPoolSize = 0,
            maxPoolSize = 16,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true"
            })
})
public class CustodianApplication extends Application {
    public static final String DATA_SOURCE = "java:app/jdbc/custodian";
    public static final String REPLICA_DATA_SOURCE = "java:app/jdbc/custodian-replica";

    /**
     * Jersey's ServerProperties, named by value: Jersey is the container's, not a dependency. A relative Location
     * stays relative (RFC 9110 §10.2.2 lets the client resolve it against the address it used): Jersey would make it
     * absolute from the request's Host and scheme, which behind a TLS proxy sent browsers to http:// (issue 14).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
