package dev.gbconnect.custodian.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GREEN-BUTTON-CMD.md A5, Notifications: what a third party's notify endpoint receives. */
@ExtendWith(ArquillianExtension.class)
class NotificationConformanceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    @Test
    void NT09_noticeIsSentAsAtomWithOnlyTheBatchListOfUris() throws Exception {
        Api admin = new Api(url.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
        try (NotifyReceiver receiver = new NotifyReceiver(0, 200)) {
            ThirdParties.Registered app = ThirdParties.notified(admin, "NT09 app", receiver.uri());
            Api.Reply requested = admin.postJson(
                    "admin/notifications", "{\"kind\":\"application\",\"client_id\":\"" + app.id() + "\"}");
            assertEquals(202, requested.status(), requested.body());

            NotifyReceiver.Received got =
                    receiver.await(1, Duration.ofSeconds(30)).get(0);
            assertEquals("application/atom+xml; charset=UTF-8", got.contentType());
            Atom batchList = Atom.valid(got.body());
            assertEquals(
                    List.of(admin.base()
                            .resolve("espi/1_1/resource/ApplicationInformation/" + app.id())
                            .toString()),
                    batchList.texts("/espi:BatchList/espi:resources"));
            assertEquals(1, batchList.count("/espi:BatchList/*"), "URIs only, no data");
        }
    }
}
