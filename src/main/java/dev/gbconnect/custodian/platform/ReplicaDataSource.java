package dev.gbconnect.custodian.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The replica pool's data source: {@code custodian.db.replica-url}, as the primary's user (a streaming replica has
 * the primary's roles). Only {@link ReadReplica} asks it for connections, and only when that setting is made.
 */
public class ReplicaDataSource implements DataSource {

    private volatile DataSource delegate;

    private DataSource delegate() {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    Config config = ConfigProvider.getConfig(ReplicaDataSource.class.getClassLoader());
                    // Unset, the pool may still be made (and asked for its login timeout): a data source that
                    // names no server answers that, and any connection it is asked for fails.
                    delegate = ConfiguredDataSource.postgresql(
                            config.getOptionalValue("custodian.db.replica-url", String.class)
                                    .orElse("jdbc:postgresql://custodian.db.replica-url.is.not.set.invalid/"),
                            config.getOptionalValue("custodian.db.user", String.class)
                                    .orElse(null),
                            config.getOptionalValue("custodian.db.password", String.class)
                                    .orElse(null));
                }
                d = delegate;
            }
        }
        return d;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
        return delegate().getConnection(u, p);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.gbconnect.custodian");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
