package dev.gbconnect.custodian.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an Arquillian class whose subject does not change with the database: pages in a browser, or the parsing of
 * protocol requests. The queries behind them are the ones the API tests run on both databases, so the PostgreSQL
 * rerun (the pom's {@code postgres} execution) skips these classes: a rerun would add minutes of browser time
 * without exercising another line of SQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database-neutral")
public @interface DatabaseNeutral {}
