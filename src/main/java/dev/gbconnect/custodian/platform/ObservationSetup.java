package dev.gbconnect.custodian.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Puts {@link Observation} in front of every other filter: the order of annotated filters is unspecified (Servlet
 * 6.0 §8.2.3), while a mapping added with {@code isMatchAfter=false} comes before all declared ones.
 */
@WebListener
public class ObservationSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        FilterRegistration.Dynamic observation = event.getServletContext().addFilter("observation", Observation.class);
        observation.setAsyncSupported(true);
        observation.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
