package dev.gbconnect.custodian.platform;

import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * The replica pool's data source: {@code custodian.db.replica-url}, as the primary's user (a streaming replica has
 * the primary's roles). Only {@link ReadReplica} asks it for connections, and only when that setting is made.
 */
public class ReplicaDataSource extends DelegatingDataSource {

    @Override
    protected DataSource create(Config config) {
        // Unset, the pool may still be made (and asked for its login timeout): a data source that names no server
        // answers that, and any connection it is asked for fails.
        return ConfiguredDataSource.postgresql(
                config.getOptionalValue("custodian.db.replica-url", String.class)
                        .orElse("jdbc:postgresql://custodian.db.replica-url.is.not.set.invalid/"),
                config.getOptionalValue("custodian.db.user", String.class).orElse(null),
                config.getOptionalValue("custodian.db.password", String.class).orElse(null));
    }
}
