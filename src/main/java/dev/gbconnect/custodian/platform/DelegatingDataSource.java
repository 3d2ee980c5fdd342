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
 * A pool's data source that stands for a driver's own, chosen by the settings. {@code @DataSourceDefinition} names
 * one class at compile time and the container makes it before any setting can be read, so the driver's data source
 * is made on first use, once.
 */
public abstract class DelegatingDataSource implements DataSource {

    private volatile DataSource delegate;

    /** The driver's data source the settings name. */
    protected abstract DataSource create(Config config);

    protected final DataSource delegate() {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null)
                    delegate = create(ConfigProvider.getConfig(getClass().getClassLoader()));
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
