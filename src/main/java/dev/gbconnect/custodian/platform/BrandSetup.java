package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the brand once the application starts, before the first page; an unreadable overlay fails the start. */
@ApplicationScoped
public class BrandSetup {

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Brand.load(ConfigProvider.getConfig());
    }
}
