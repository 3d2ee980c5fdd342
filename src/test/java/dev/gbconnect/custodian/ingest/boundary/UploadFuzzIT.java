package dev.gbconnect.custodian.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.Repeated;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The upload against the shipped uber-jar with a small heap, as issue 14 attacked it: nodes of a hundred megabytes,
 * a body that truly exhausts the heap, and a few hundred mutations of the samples. Every answer is 2xx or 4xx (503
 * only where the heap truly ran out), and a refused upload leaves the stored data exactly as it was. The huge
 * bodies are generated as they are sent.
 */
@OwnServer
class UploadFuzzIT {

    private static final String ADMIN = "fuzz-admin", SECRET = "fuzz-admin-secret-for-tests-only";
    /** Small enough that a 150 MB node exhausted it before the limits (the old code answered 500). */
    private static final List<String> SMALL_HEAP = List.of("-Xmx192m", "-XX:TieredStopAtLevel=1");

    private static final long HUGE = 150_000_000;
    private static final List<String> SAMPLES = List.of(
            "datasdk/Gas.xml",
            "datasdk/Water.xml",
            "datasdk/BatchFeedThreeUsagePoints_M.xml",
            "synthetic/synthetic_batch_subscription_usagesummary.xml");
    private static final int MUTATIONS = 320;
    private static final String FEED = "<feed xmlns='http://www.w3.org/2005/Atom'><id>f</id><title>t</title>\n"
            + "<updated>2024-01-01T00:00:00Z</updated><entry>\n";

    static UberJarServer server;
    static Api admin;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "fuzz-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dir);
        server = UberJarServer.start(
                dir,
                SMALL_HEAP,
                Map.of(
                        "CUSTODIAN_DEMO_DATA", "false",
                        "CUSTODIAN_ADMIN_CLIENT_ID", ADMIN,
                        "CUSTODIAN_ADMIN_CLIENT_SECRET", SECRET));
        admin = server.api(ADMIN, SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
    }

    /** Issue 14: one title, text, value or name of 140 MB to 1 GB filled a 512 MB heap (500). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<title>                                    | t         | </title>",
                "<title>                                    | t<!---->  | </title>",
                "<content><UsagePoint xmlns='http://naesb.org/espi'><x xmlns='urn:x'> | 'a ' | </x></UsagePoint></content>",
                "<content><IntervalBlock xmlns='http://naesb.org/espi'><IntervalReading><value> | 1 | </value></IntervalReading></IntervalBlock></content>",
                "<x:                                        | n         | xmlns:x='urn:x'/>",
                "<link rel='self' h                         | n         | ='1'/>",
                "<link rel='self' href='                    | h         | '/>"
            })
    void uploadWhenOneNodeIsHugeThen400NamingItsLineAndNothingChanges(String head, String unit, String tail)
            throws Exception {
        String id = customerWith("datasdk/Gas.xml");
        String before = stored(id);

        Api.Reply r = admin.uploadChunked(id, () -> new Repeated(FEED + head, unit, HUGE, tail + "</entry></feed>"));

        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("\"3:") && r.body().contains("65536"), r.body());
        assertEquals(before, stored(id));
    }

    /**
     * Issue 14: an upload that exhausted the heap was answered 500 and committed what it had written. Many short
     * elements in one resource pass every per-node limit but not the heap: 503, and nothing of the file is kept.
     */
    @Test
    void uploadWhenTheHeapRunsOutThen503AndNothingStored() throws Exception {
        String id = admin.newCustomer("oom-" + UUID.randomUUID().toString().substring(0, 8));
        String gas = Files.readString(Shared.sample("datasdk/Gas.xml"));
        String head = gas.substring(0, gas.lastIndexOf("</feed>"))
                + "<entry><id>urn:uuid:00000000-0000-5000-8000-0000000000ff</id><link rel='self' href='UsagePoint/99'/>"
                + "<title>big</title><content><UsagePoint xmlns='http://naesb.org/espi'>";
        String element = "<x:e xmlns:x='urn:x'>" + "a".repeat(60_000) + "</x:e>";

        Api.Reply r = admin.uploadChunked(
                id, () -> new Repeated(head, element, 200_000_000, "</UsagePoint></content></entry></feed>"));

        assertEquals(503, r.status(), r.body());
        assertEquals("temporarily_unavailable", r.json().getString("error"));
        assertEquals("[]", stored(id), "nothing of the file is kept");
        assertEquals(201, admin.upload(id, Shared.sample("datasdk/Gas.xml")).status(), "and the server goes on");
    }

    /** The done-when: a few hundred mutations of the samples, a fixed seed, never a 5xx. */
    @Test
    void uploadWhenMutatedSamplesThenNever5xxAndRefusalsChangeNothing() throws Exception {
        Random random = new Random(14);
        Map<String, String> customers = new LinkedHashMap<>();
        Map<String, byte[]> originals = new LinkedHashMap<>();
        for (String sample : SAMPLES) {
            customers.put(sample, customerWith(sample));
            originals.put(sample, Files.readAllBytes(Shared.sample(sample)));
        }
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
            String id = customers.get(sample);
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] body = m.apply(originals.get(sample), random);
            String before = stored(id);

            Api.Reply r = admin.upload(id, "application/atom+xml", body);

            String what = i + " " + m + " of " + sample + ": " + r.status() + " " + r.body();
            if (r.status() >= 500) failures.add(what);
            if (r.status() >= 400) {
                refused++;
                if (!before.equals(stored(id))) failures.add(what + " changed the stored data");
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(refused > MUTATIONS / 4, "the mutations mostly break the file: " + refused + " refused");
    }

    /** Ways to break a sample, each from the same seeded Random. */
    enum Mutation {
        TRUNCATE {
            byte[] apply(byte[] xml, Random r) {
                return java.util.Arrays.copyOf(xml, r.nextInt(xml.length));
            }
        },
        FLIP_BYTES {
            byte[] apply(byte[] xml, Random r) {
                byte[] out = xml.clone();
                for (int n = 1 + r.nextInt(4); n > 0; n--) out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                return out;
            }
        },
        HUGE_NUMBER {
            private static final String[] NUMBERS = {
                "9223372036854775807",
                "-9223372036854775808",
                "99999999999999999999999",
                "253402300800",
                "-62135596801",
                "140737488355328",
                "4294967296",
                "-1",
                "1e9",
                ""
            };

            byte[] apply(byte[] xml, Random r) {
                return replaceNth(xml, NUMBER, r, NUMBERS[r.nextInt(NUMBERS.length)]);
            }
        },
        HUGE_DATE {
            byte[] apply(byte[] xml, Random r) {
                return replaceNth(xml, DATE, r, r.nextBoolean() ? "99999-01-01T00:00:00Z" : "-0001-01-01T00:00:00Z");
            }
        },
        SWAP_ELEMENTS {
            byte[] apply(byte[] xml, Random r) {
                List<String> lines = new ArrayList<>(List.of(text(xml).split("\n", -1)));
                java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
        },
        DROP_ELEMENT {
            byte[] apply(byte[] xml, Random r) {
                return replaceNth(xml, LEAF, r, "");
            }
        },
        DUPLICATE_ENTRY {
            byte[] apply(byte[] xml, Random r) {
                String s = text(xml);
                int start = s.indexOf("<entry"), end = s.indexOf("</entry>", start) + "</entry>".length();
                return (s.substring(0, end) + s.substring(start, end) + s.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
            }
        },
        DEEP_NESTING {
            byte[] apply(byte[] xml, Random r) {
                int depth = 50 + r.nextInt(5000);
                String open = "<x:d xmlns:x='urn:x'>".repeat(depth), close = "</x:d>".repeat(depth);
                return replaceNth(xml, LEAF, r, open + close);
            }
        },
        LONG_TEXT {
            byte[] apply(byte[] xml, Random r) {
                return replaceNth(xml, NUMBER, r, "7".repeat(60_000 + r.nextInt(20_000)));
            }
        };

        abstract byte[] apply(byte[] xml, Random r);

        static final Pattern NUMBER = Pattern.compile("(?<=>)-?\\d+(?=</)");
        static final Pattern DATE = Pattern.compile("(?<=>)\\d{4}-\\d\\d-\\d\\dT[^<]+(?=</)");
        static final Pattern LEAF = Pattern.compile("<(\\w+:)?\\w+>[^<]*</(\\w+:)?\\w+>");

        static String text(byte[] xml) {
            return new String(xml, StandardCharsets.UTF_8);
        }

        /** Replaces one match of {@code p}, chosen at random, with {@code with}. */
        static byte[] replaceNth(byte[] xml, Pattern p, Random r, String with) {
            String s = text(xml);
            List<int[]> found = new ArrayList<>();
            Matcher m = p.matcher(s);
            while (m.find()) found.add(new int[] {m.start(), m.end()});
            if (found.isEmpty()) return xml;
            int[] at = found.get(r.nextInt(found.size()));
            return (s.substring(0, at[0]) + with + s.substring(at[1])).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String customerWith(String sample) throws Exception {
        String id = admin.newCustomer("fuzz-" + UUID.randomUUID().toString().substring(0, 8));
        Api.Reply r = admin.upload(id, Shared.sample(sample));
        assertEquals(201, r.status(), sample + ": " + r.body());
        return id;
    }

    /** Everything stored for the customer, down to the sum of its values and the time span. */
    private static String stored(String customerId) {
        return admin.inventory(customerId).toString();
    }
}
