package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostCheckTest {

    @ParameterizedTest
    @CsvSource({
        "localhost,true",
        "127.0.0.1,true",
        "127.1.2.3,true",
        "[::1],true",
        "::1,true",
        "evil.example,false",
        "127.0.0.1.evil.example,false",
        "localhost.evil.example,false",
        "10.0.0.1,false"
    })
    void loopbackNamesAreDecidedWithoutDns(String host, boolean loopback) {
        assertEquals(loopback, HostCheck.loopbackName(host));
    }

    @Test
    void listenersWhenSslPortEnabledThenTlsAndBeyondLoopback() throws Exception {
        assertEquals(new ServerListeners(true, true), listeners("", ""));
    }

    @Test
    void listenersWhenHttpsDisabledAndLoopbackAddressThenNeither() throws Exception {
        assertEquals(
                new ServerListeners(false, false),
                listeners("address=\"127.0.0.1\"", "enabled=\"false\" address=\"0.0.0.0\""));
    }

    /** The shape of the network configuration Payara writes below its instance root. */
    private static ServerListeners listeners(String http, String https) throws Exception {
        String xml = """
                <domain><configs><config name="server-config"><network-config>
                  <protocols>
                    <protocol name="http-listener"><http/></protocol>
                    <protocol name="https-listener" security-enabled="true"><http/><ssl/></protocol>
                  </protocols>
                  <network-listeners>
                    <network-listener protocol="http-listener" port="8080" name="http-listener" %s/>
                    <network-listener protocol="https-listener" port="8443" name="https-listener" %s/>
                  </network-listeners>
                </network-config></config></configs></domain>
                """.formatted(http, https);
        return ServerListeners.of(DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}
