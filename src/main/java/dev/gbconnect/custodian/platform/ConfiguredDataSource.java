package dev.gbconnect.custodian.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The pool's data source. {@code @DataSourceDefinition} fixes one class at compile time, but operators choose the
 * database with a single setting ({@code custodian.db.url}); this class reads that setting and delegates to the
 * matching driver's data source. Unset means embedded Derby below {@code custodian.data-dir}.
 */
public class ConfiguredDataSource extends DelegatingDataSource {

    /** Once a connection was made, a failure is an outage for its caller to report, not a failed start. */
    private volatile boolean connected;

    private final AtomicBoolean startFailureReported = new AtomicBoolean();

    @Override
    protected DataSource create(Config config) {
        Optional<String> url = config.getOptionalValue("custodian.db.url", String.class);
        String user = config.getOptionalValue("custodian.db.user", String.class).orElse(null);
        String password =
                config.getOptionalValue("custodian.db.password", String.class).orElse(null);
        if (url.isEmpty()) {
            Path dir = Path.of(config.getOptionalValue("custodian.data-dir", String.class)
                            .orElse("./data"))
                    .toAbsolutePath()
                    .normalize();
            return derby(dir.resolve("derby").toString(), dir, user, password);
        }
        String jdbcUrl = url.get();
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return postgresql(jdbcUrl, user, password);
        if (jdbcUrl.startsWith("jdbc:derby:")) return derby(jdbcUrl, user, password);
        throw new IllegalStateException("custodian.db.url must be a jdbc:postgresql: or jdbc:derby: URL, got "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    static DataSource postgresql(String jdbcUrl, String user, String password) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(jdbcUrl);
        // A JDBC batch of INSERTs (EclipseLink's batch writing, the bulk customer upload's chunks) goes to the server
        // as multi-row INSERTs rather than one statement per row: on PostgreSQL each row's statement costs the
        // server more than the row does (docs/performance.md, bulk customer information). An operator's own setting
        // in the URL wins.
        if (!jdbcUrl.contains("reWriteBatchedInserts=")) pg.setReWriteBatchedInserts(true);
        if (user != null) pg.setUser(user);
        if (password != null) pg.setPassword(password);
        return pg;
    }

    /** A jdbc:derby: URL: derby.log goes beside a database on disk, to the temporary directory for one in memory. */
    private static DataSource derby(String jdbcUrl, String user, String password) {
        String name = jdbcUrl.substring("jdbc:derby:".length());
        int attributes = name.indexOf(';');
        String database = attributes < 0 ? name : name.substring(0, attributes);
        Path logDir = database.startsWith("memory:")
                ? Path.of(System.getProperty("java.io.tmpdir"))
                : Path.of(database).toAbsolutePath().getParent();
        return derby(database, logDir, user, password);
    }

    private static DataSource derby(String database, Path logDir, String user, String password) {
        // Derby writes derby.log into the working directory unless told otherwise; keep it beside the data.
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.field") == null) {
            logDir.toFile().mkdirs();
            System.setProperty(
                    "derby.stream.error.file", logDir.resolve("derby.log").toString());
        }
        // Bulk imports write hundreds of MB in one transaction. Derby's defaults (a 1,000-page cache, a checkpoint
        // every 10 MB of log, a new log file every 1 MB) make it spend much of that time on page evictions and
        // forced writes. An operator's own -D settings win.
        System.getProperties().putIfAbsent("derby.storage.pageCacheSize", "4000");
        System.getProperties().putIfAbsent("derby.storage.checkpointInterval", "134217728");
        System.getProperties().putIfAbsent("derby.storage.logSwitchInterval", "134217728");
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(database);
        derby.setCreateDatabase("create");
        derby.setUser(user == null ? "app" : user);
        if (password != null) derby.setPassword(password);
        return derby;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Connection c = delegate().getConnection();
            connected = true;
            return c;
        } catch (SQLException | RuntimeException e) {
            if (!connected && startFailureReported.compareAndSet(false, true)) {
                StartOutcome.failed(whyNot(e, ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())));
            }
            throw e;
        }
    }

    /** The first connection failed: what to tell the operator, naming the setting to change. */
    static String whyNot(Exception e, Config config) {
        Optional<String> url = config.getOptionalValue("custodian.db.url", String.class);
        if (e instanceof IllegalStateException) return e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                String state = String.valueOf(s.getSQLState());
                if (state.equals("XSDB6")) {
                    return "the Derby database " + database(url, config)
                            + " is in use by another process (another instance of this server?); stop it, or set "
                            + (url.isPresent() ? "custodian.db.url" : "custodian.data-dir")
                            + " to a directory of this instance's own";
                }
                if (state.startsWith("28")) {
                    return "the database refused the user: " + s.getMessage()
                            + "; check custodian.db.user and custodian.db.password";
                }
            }
        }
        return "cannot connect to the database " + database(url, config) + ": " + e.getMessage()
                + "; check custodian.db.url (or custodian.data-dir for embedded Derby)";
    }

    private static String database(Optional<String> url, Config config) {
        return url.map(u -> u.replaceAll("password=[^&;]*", "password=***"))
                .orElseGet(() -> Path.of(config.getOptionalValue("custodian.data-dir", String.class)
                                .orElse("./data"))
                        .toAbsolutePath()
                        .normalize()
                        .resolve("derby")
                        .toString());
    }
}
