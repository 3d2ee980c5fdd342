package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.bench.Load.Request;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Keycloak;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Our token endpoint and bearer check side by side with Keycloak's (issue 21): the uber-jar (-Xmx512m; embedded Derby,
 * or {@code -Dbench.db=postgres}, see {@link BenchSetup}) and Keycloak's keycloak-quarkus-dist in development mode
 * (-Xmx512m, full JIT, its in-memory H2 database) with a realm imported at start: a confidential client with a
 * service account, and a user. Both run throughout; the rounds alternate between them, the order swapped every round
 * so that a change in the machine's load falls on both, at 8 and at 32 keep-alive clients
 * ({@code -Dbench.clients}), for (a) client_credentials grants and (b) a bearer-checked small GET: ours
 * ReadServiceStatus, Keycloak's userinfo, each with a token of its own taken before the round. Each round prints
 * the rate, the server's CPU per request from its threads' /proc accounting (the JIT compiler's threads left out),
 * the cores the server used, its busiest kinds of thread and the machine's load; then the medians and the ratio.
 * Run with the command in docs/performance.md, "Side by side with Keycloak".
 */
public final class KeycloakSideBySideBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.roundSeconds", 8));
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 20));
    private static final int[] CLIENTS = Arrays.stream(
                    System.getProperty("bench.clients", "8,32").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static final String REALM = "bench", CLIENT = "bench-client", SECRET = "bench-secret-for-benchmarks-only";

    /** One server under test: where it listens, its process, and its two requests. */
    private record Side(
            String name, ProcessHandle process, URI base, Request grant, Request tokenForRead, String readPath) {

        /** The bearer-checked GET, with a token just taken (so that no round outlives its token). */
        Request read() throws IOException {
            try (KeepAlive c = new KeepAlive(base)) {
                KeepAlive.Reply r =
                        c.send(tokenForRead.method(), tokenForRead.path(), tokenForRead.headers(), tokenForRead.body());
                if (r.status() != 200) throw new IllegalStateException(name + " token: " + r.status() + " " + r.body());
                String token;
                try (var reader = Json.createReader(new StringReader(r.body()))) {
                    token = reader.readObject().getString("access_token");
                }
                return new Request("GET", readPath, "Authorization: Bearer " + token + "\r\n", null);
            }
        }
    }

    private record Measure(String name, Function<Side, Request> request) {}

    private record Round(double rate, double micros, double cores) {}

    public static void main(String[] args) throws Exception {
        try (BenchSetup setup = BenchSetup.fromProperties("keycloak")) {
            Keycloak keycloak = Keycloak.launch(
                    setup.dir(),
                    "bench-realm.json",
                    Map.of(),
                    List.of(),
                    // The same heap as ours, and the JIT's full tiers as ours has: the tests' Keycloak stops at C1.
                    Map.of("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"));
            try {
                List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
                String extra = System.getProperty("bench.jvm", "");
                if (!extra.isBlank()) jvm.addAll(List.of(extra.trim().split("\\s+")));
                BenchSetup.Servers servers = setup.start(jvm);
                try {
                    keycloak.awaitRealm(REALM);
                    measure(setup, ours(servers), keycloak(keycloak));
                } finally {
                    servers.stop();
                }
            } finally {
                keycloak.stop();
            }
        }
    }

    private static Side ours(BenchSetup.Servers servers) {
        if (servers.all().size() > 1)
            throw new IllegalArgumentException("one instance against one Keycloak: leave out -Dbench.instances");
        URI base = servers.first().base();
        ThirdParties.Registered app = ThirdParties.confidential(
                servers.first().api(Api.IT_ADMIN, Api.IT_SECRET), "http://127.0.0.1:9/callback");
        String path = base.getRawPath();
        Request grant = new Request(
                "POST",
                path + "oauth/token",
                "Authorization: " + app.basic() + "\r\n" + FORM,
                "grant_type=client_credentials");
        return new Side(
                "ours",
                servers.first().process().toHandle(),
                base,
                grant,
                grant,
                path + "espi/1_1/resource/ReadServiceStatus");
    }

    private static Side keycloak(Keycloak keycloak) {
        String openid = "/realms/" + REALM + "/protocol/openid-connect/";
        String basic = "Authorization: " + Api.basic(CLIENT, SECRET) + "\r\n" + FORM;
        return new Side(
                "Keycloak",
                keycloak.process().toHandle(),
                URI.create("http://127.0.0.1:" + keycloak.port() + "/"),
                new Request("POST", openid + "token", basic, "grant_type=client_credentials"),
                // userinfo answers only a token with the openid scope, for a user (OpenID Connect Core §5.3).
                new Request(
                        "POST",
                        openid + "token",
                        basic,
                        "grant_type=password&username=bench-user&password=bench-password&scope=openid"),
                openid + "userinfo");
    }

    private static void measure(BenchSetup setup, Side ours, Side keycloak) throws Exception {
        List<Measure> measures = List.of(
                new Measure("client_credentials grant", Side::grant),
                new Measure("bearer-checked GET (ours ReadServiceStatus, Keycloak userinfo)", s -> {
                    try {
                        return s.read();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        int most = Arrays.stream(CLIENTS).max().orElseThrow();
        for (Side side : List.of(ours, keycloak))
            for (Measure m : measures) {
                Request r = m.request().apply(side);
                Load.run(m.name(), most, w -> side.base(), Duration.ZERO, WARM_UP, w -> r, (w, b) -> {});
            }
        System.out.printf(
                "%n%s against Keycloak (development mode, in-memory H2); %d s warm-up each, %d rounds of %d s, "
                        + "alternating%n",
                setup.describe(), WARM_UP.toSeconds(), ROUNDS, ROUND.toSeconds());
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        for (int clients : CLIENTS)
            for (Measure m : measures)
                for (int i = 0; i < ROUNDS; i++)
                    for (Side side : i % 2 == 0 ? List.of(ours, keycloak) : List.of(keycloak, ours)) {
                        Round round = round(side, m, clients, i + 1);
                        rounds.computeIfAbsent(clients + "|" + m.name() + "|" + side.name(), k -> new ArrayList<>())
                                .add(round);
                    }
        System.out.printf(
                "%n| clients | measure | ours | Keycloak | ours/Keycloak | CPU per request, ours | Keycloak |%n"
                        + "|---|---|---|---|---|---|---|%n");
        for (int clients : CLIENTS)
            for (Measure m : measures) {
                Round o = median(rounds.get(clients + "|" + m.name() + "|" + ours.name()));
                Round k = median(rounds.get(clients + "|" + m.name() + "|" + keycloak.name()));
                System.out.printf(
                        "| %d | %s | %,.0f/s | %,.0f/s | %.2f× | %,.0f µs | %,.0f µs |%n",
                        clients, m.name(), o.rate(), k.rate(), o.rate() / k.rate(), o.micros(), k.micros());
            }
    }

    private static Round round(Side side, Measure m, int clients, int number) throws Exception {
        Request r = m.request().apply(side);
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        MachineCpu machine = MachineCpu.now();
        ThreadCpu before = ThreadCpu.of(side.process());
        long start = System.nanoTime();
        double rate = Load.run(m.name(), clients, w -> side.base(), Duration.ZERO, ROUND, w -> r, (w, b) -> {});
        double wall = (System.nanoTime() - start) / 1e9;
        ThreadCpu used = ThreadCpu.of(side.process()).since(before);
        double busy = MachineCpu.now().busySince(machine) / wall;
        Round round =
                new Round(rate, 1e6 * used.servingSeconds() / (rate * ROUND.toNanos() / 1e9), used.seconds() / wall);
        System.out.printf(
                "%d clients, %s, round %d, %s: %,.0f/s, %,.0f µs CPU per request, server %.2f cores, machine %.2f"
                        + " cores busy, load %s; busiest threads (cores): %s%n",
                clients,
                m.name(),
                number,
                side.name(),
                rate,
                round.micros(),
                round.cores(),
                busy,
                load,
                used.busiest(wall, 4));
        return round;
    }

    /** The median by rate, with its round's CPU figures. */
    private static Round median(List<Round> rounds) {
        List<Round> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a.rate(), b.rate()));
        return sorted.get(sorted.size() / 2);
    }

    /** The whole machine's busy time from /proc/stat's first line (user to steal, idle and iowait left out). */
    private record MachineCpu(long busy) {

        static MachineCpu now() throws IOException {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]);
            return new MachineCpu(busy);
        }

        /** Seconds of CPU, all cores together. */
        double busySince(MachineCpu before) {
            return (busy - before.busy) / 100.0;
        }
    }
}
