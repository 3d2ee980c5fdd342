package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.bench.Load.Answered;
import dev.gbconnect.custodian.bench.Load.Request;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Token endpoint and bearer-check benchmark on the real uber-jar (-Xmx512m; embedded Derby, or PostgreSQL and several
 * instances, see {@link BenchSetup}): client_credentials
 * grants, refresh grants (each worker rotating its own family), bearer-checked small GETs, and password grants,
 * each over keep-alive connections from {@code bench.threads} workers. The baseline, measured in the same run on
 * the same connections, is an unauthenticated GET of the server metadata: what the server answers when no token
 * work is done. The load generator shares the machine's cores with the server. Run with
 * {@code mvn -B -Pbench verify -DskipTests -DskipITs -Dbench.skipImport=true}.
 */
public final class OAuthBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 20));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));

    public static void main(String[] args) throws Exception {
        try (BenchSetup setup = BenchSetup.fromProperties("oauth")) {
            BenchSetup.Servers servers = setup.start(List.of("-Xmx512m"));
            try {
                measure(setup, servers);
            } finally {
                servers.stop();
            }
        }
    }

    private static void measure(BenchSetup setup, BenchSetup.Servers servers) throws Exception {
        URI base = servers.first().base();
        Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/callback");
        String customer = admin.newCustomer("bench-oauth");
        if (admin.upload(customer, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status()
                != 201) throw new IllegalStateException("upload");
        String bearer = "Bearer "
                + json(Api.withAuthorization(base, null).token(app.basic(), "grant_type=client_credentials"))
                        .getString("access_token");
        // One refresh-token family per worker: a family used by two workers at once would be (rightly) revoked as
        // stolen.
        List<String> families = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) families.add(offline(admin, customer, app));

        String form = "Content-Type: application/x-www-form-urlencoded\r\n";
        String path = base.getRawPath();
        double baseline = run(
                "baseline: GET server metadata (no token work)",
                servers,
                w -> new Request("GET", path + ".well-known/oauth-authorization-server", "", null));
        double cc = run(
                "client_credentials grant (third party, Basic)",
                servers,
                w -> new Request(
                        "POST",
                        path + "oauth/token",
                        "Authorization: " + app.basic() + "\r\n" + form,
                        "grant_type=client_credentials"));
        double get = run(
                "bearer-checked GET ReadServiceStatus",
                servers,
                w -> new Request(
                        "GET",
                        path + "espi/1_1/resource/ReadServiceStatus",
                        "Authorization: " + bearer + "\r\n",
                        null));
        String[] current = families.toArray(String[]::new);
        double refresh = run(
                "refresh_token grant (rotating, one family per worker)",
                servers,
                w -> new Request(
                        "POST",
                        path + "oauth/token",
                        "Authorization: " + app.basic() + "\r\n" + form,
                        "grant_type=refresh_token&refresh_token=" + current[w]),
                (w, body) -> current[w] = ConsentFlow.enc(json(body).getString("refresh_token")));
        ThirdParties.Registered script = ThirdParties.register(
                admin,
                "{\"client_name\":\"bench script\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                        + "\"grant_types\":[\"password\",\"refresh_token\",\"client_credentials\"],\"third_party_notify_uri\":\""
                        + ThirdParties.NOTIFY
                        + "\",\"scopes\":[\"" + ThirdParties.SCOPE + "\"]}");
        double password = run(
                "password grant (PBKDF2, 210,000 iterations, by design)",
                servers,
                w -> new Request(
                        "POST",
                        path + "oauth/token",
                        "Authorization: " + script.basic() + "\r\n" + form,
                        "grant_type=password&username=bench-oauth&password=pass-bench-oauth"));

        System.out.printf(
                "%n%s; %d workers over keep-alive, %d s warm-up, %d s measured each%n%n| measure | requests/s | of baseline |%n|---|---|---|%n",
                setup.describe(), THREADS, WARM_UP.toSeconds(), MEASURE.toSeconds());
        row("baseline: GET server metadata (no token work)", baseline, baseline);
        row("client_credentials grants", cc, baseline);
        row("refresh_token grants (rotating)", refresh, baseline);
        row("bearer-checked small GETs (ReadServiceStatus)", get, baseline);
        row("password grants", password, baseline);
    }

    private static String offline(Api admin, String customer, ThirdParties.Registered app) {
        return ConsentFlow.enc(ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null)
                .getString("refresh_token"));
    }

    private static double run(String name, BenchSetup.Servers servers, IntFunction<Request> request)
            throws InterruptedException {
        return run(name, servers, request, (w, b) -> {});
    }

    private static double run(String name, BenchSetup.Servers servers, IntFunction<Request> request, Answered answered)
            throws InterruptedException {
        double rate = Load.run(name, THREADS, servers::base, WARM_UP, MEASURE, request, answered);
        System.out.printf("%s: %,.0f/s%n", name, rate);
        return rate;
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonObject json(Api.Reply reply) {
        if (reply.status() != 200) throw new IllegalStateException(reply.status() + " " + reply.body());
        return reply.json();
    }

    private static void row(String name, double rate, double baseline) {
        System.out.printf("| %s | %,.0f | %.0f%% |%n", name, rate, 100 * rate / baseline);
    }
}
