package dev.gbconnect.custodian.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * How the application's start ended, for the uber-jar's launcher (src/launcher/java), which is loaded apart from the
 * application and reads it from system properties once Payara has booted: Payara Micro calls an application deployed
 * even when a startup singleton failed, and keeps serving nothing (issue 18). A start that fails names its cause and
 * the setting to change in one log line, written where the cause is known, before the container logs the stack trace;
 * the launcher repeats it and ends the process with a non-zero status.
 */
@ApplicationScoped
public class StartOutcome {

    /** Read by dev.gbconnect.custodian.launcher.Main: keep both in step. */
    static final String FAILURE = "custodian.start-failure", STARTED = "custodian.started";

    private static final Logger LOG = Logger.getLogger(StartOutcome.class.getName());

    public static void failed(String causeAndSetting) {
        LOG.severe("custodian cannot start: " + causeAndSetting);
        System.getProperties().putIfAbsent(FAILURE, causeAndSetting);
    }

    /** After every other start-up observer (migrations, the admin client, demo data) has returned. */
    void started(
            @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) @Initialized(ApplicationScoped.class)
                    Object event) {
        System.setProperty(STARTED, "true");
    }
}
