package dev.gbconnect.custodian.testsupport;

import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP clients for the uber-jar started with {@code --sslport}, whose certificate Payara Micro generates itself.
 * They trust any certificate: for these tests only.
 */
public final class SelfSignedTls {

    private SelfSignedTls() {}

    /** Speaks only this protocol ({@code TLSv1.3}); follows no redirect. */
    public static HttpClient client(String protocol) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder()
                .sslContext(context())
                .sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** TLS that trusts any certificate, for raw sockets too. */
    public static SSLContext context() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        return tls;
    }
}
