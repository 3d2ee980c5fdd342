package dev.gbconnect.custodian.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that starts its own server processes (the uber-jar, a PostgreSQL cluster) and so chooses its
 * database itself. The Arquillian suite's second run on PostgreSQL (the pom's {@code postgres} execution) excludes
 * this tag: running such a class again would repeat the same test on the same database and only cost build time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-server")
public @interface OwnServer {}
