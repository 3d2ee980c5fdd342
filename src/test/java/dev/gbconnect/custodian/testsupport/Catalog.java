package dev.gbconnect.custodian.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** What a database's own catalog says about the schema, as comparable lines, and Flyway's record of migrations. */
public final class Catalog {

    public static final String HISTORY = "flyway_schema_history";

    private Catalog() {}

    /**
     * Tables, columns (type, size, nullability, default, in order), keys, indexes and foreign keys of the connection's
     * schema, apart from Flyway's history table. Names the database generates (Derby's {@code SQL…} constraints and
     * their indexes) differ from one database to the next, so they read as {@code <generated>}.
     */
    public static List<String> schema(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            List<String> lines = new ArrayList<>();
            for (String table : tables(md, schema)) {
                try (ResultSet r = md.getColumns(null, schema, table, "%")) {
                    while (r.next()) {
                        lines.add(table + " column " + r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME") + "("
                                + r.getInt("COLUMN_SIZE") + ") " + r.getString("IS_NULLABLE") + " default "
                                + r.getString("COLUMN_DEF"));
                    }
                }
                Map<String, String> keys = new TreeMap<>();
                try (ResultSet r = md.getPrimaryKeys(null, schema, table)) {
                    while (r.next())
                        keys.merge(name(r.getString("PK_NAME")), r.getString("COLUMN_NAME"), (a, b) -> a + "," + b);
                }
                keys.forEach((name, columns) -> lines.add(table + " primary key " + name + " (" + columns + ")"));
                List<String> indexes = new ArrayList<>();
                try (ResultSet r = md.getIndexInfo(null, schema, table, false, false)) {
                    while (r.next()) {
                        if (r.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) continue;
                        indexes.add(table + " index " + name(r.getString("INDEX_NAME"))
                                + (r.getBoolean("NON_UNIQUE") ? "" : " unique") + " " + r.getShort("ORDINAL_POSITION")
                                + ":" + r.getString("COLUMN_NAME"));
                    }
                }
                indexes.stream().sorted().forEach(lines::add);
                try (ResultSet r = md.getImportedKeys(null, schema, table)) {
                    while (r.next()) {
                        lines.add(table + " foreign key " + r.getString("FK_NAME") + " (" + r.getString("FKCOLUMN_NAME")
                                + ") references " + r.getString("PKTABLE_NAME") + " (" + r.getString("PKCOLUMN_NAME")
                                + ") on delete " + r.getShort("DELETE_RULE"));
                    }
                }
            }
            return lines;
        }
    }

    /** Flyway's history, oldest first: version, type ({@code SQL}, {@code BASELINE}) and success of each row. */
    public static List<String> history(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\", \"type\", \"success\" FROM \"" + HISTORY
                        + "\" ORDER BY \"installed_rank\"")) {
            List<String> rows = new ArrayList<>();
            while (r.next()) rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getBoolean(3));
            return rows;
        }
    }

    /** A partitioned table counts as one table; its partitions are rows of it that the migrations make as needed. */
    private static List<String> tables(DatabaseMetaData md, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> partitions = partitions(md.getConnection());
        try (ResultSet r = md.getTables(null, schema, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (r.next()) {
                String table = r.getString("TABLE_NAME");
                if (!table.equals(HISTORY) && !partitions.contains(table)) tables.add(table);
            }
        }
        tables.sort(null);
        return tables;
    }

    private static List<String> partitions(Connection c) throws SQLException {
        List<String> partitions = new ArrayList<>();
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) return partitions;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT relname FROM pg_class WHERE relispartition")) {
            while (r.next()) partitions.add(r.getString(1));
        }
        return partitions;
    }

    private static String name(String name) {
        return name.matches("SQL\\d.*") ? "<generated>" : name;
    }
}
