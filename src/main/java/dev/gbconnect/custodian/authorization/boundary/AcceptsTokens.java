package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.authorization.control.TokenClass;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ESPI token classes an ESPI resource answers (on the method, or for every method of the class); checked by
 * {@link BearerAuthentication} on resources that carry {@link RequiresScope}. Any other class gets 403
 * {@code insufficient_scope} before the resource looks anything up.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AcceptsTokens {
    TokenClass[] value();
}
