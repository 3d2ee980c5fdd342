package dev.gbconnect.custodian.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an Arquillian class a Payara Micro of its own, started for it and stopped after it, instead of the one
 * {@link OneServer} shares among all classes. Only for a class that must change the server itself (its settings,
 * its process); a class that merely needs its own data creates uniquely named customers and clients instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PrivateServer {}
