package dev.gbconnect.custodian.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the OCI image of the custodian without a daemon or a registry (docs/operations.md, "Running in a
 * container"), at {@code package} with {@code -Pimage}: Jib (jib-core) writes an image tarball that {@code podman
 * load} and {@code docker load} read. No base image is fetched: the Java runtime is a jlink image of the build's own
 * JDK, and the C libraries are the build machine's, the ones that runtime links against (ldd). So the image holds the
 * uber-jar, a Java runtime, its libraries and the few files a non-root user needs, and nothing else: no shell, no
 * package manager.
 *
 * <p>Arguments: the uber-jar, the tarball to write, the image's name, a work directory.
 */
public final class ImageBuild {

    static final String USER = "10001:10001";
    static final String VOLUME = "/var/lib/custodian";
    static final String JAR = "/opt/custodian/custodian-microbundle.jar";
    static final List<String> ENTRYPOINT = List.of("/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-jar", JAR);
    static final List<String> ARGUMENTS = List.of("--port", "8080", "--rootdir", VOLUME + "/payara");

    /** The JDK's modules a server has no use for: compilers, debuggers, packagers, incubators. */
    private static final Pattern DEVELOPMENT = Pattern.compile("jdk\\.(compiler|javadoc|jshell|jdeps|jlink|jartool"
            + "|jpackage|jdi|jdwp\\.agent|hotspot\\.agent|editpad|jconsole|jstatd|incubator\\..*|internal\\.(ed|le|opt"
            + "|vm\\.compiler.*|vm\\.ci))");

    /** A library in ldd's answer: {@code name => /path (0x…)}, or the loader's own {@code /path (0x…)}. */
    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private static final Instant EPOCH = Instant.ofEpochSecond(1);

    private ImageBuild() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]), tarball = Path.of(args[1]), work = Path.of(args[3]);
        Path runtime = jlink(work.resolve("runtime"));
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path etc = system(work.resolve("etc"));
        JibContainerBuilder image = Jib.fromScratch()
                .addFileEntriesLayer(libraries(runtime))
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("java runtime")
                        .addEntryRecursive(runtime, AbsoluteUnixPath.get("/opt/java"), ImageBuild::sameAsBuilt)
                        .build())
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("system files")
                        .addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"))
                        .addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"))
                        .addEntry(etc.resolve("hosts"), AbsoluteUnixPath.get("/etc/hosts"))
                        // The one user's own: Java's temporary files and the data volume (Derby, Payara's runtime).
                        .addEntry(
                                empty,
                                AbsoluteUnixPath.get("/tmp"),
                                FilePermissions.fromOctalString("700"),
                                EPOCH,
                                USER)
                        .addEntry(
                                empty,
                                AbsoluteUnixPath.get(VOLUME),
                                FilePermissions.fromOctalString("700"),
                                EPOCH,
                                USER)
                        // Where a runtime mounts the process file system the JVM reads.
                        .addEntry(empty, AbsoluteUnixPath.get("/proc"))
                        .build())
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("custodian")
                        .addEntry(jar, AbsoluteUnixPath.get(JAR))
                        .build())
                .setEnvironment(Map.of(
                        "PATH", "/opt/java/bin",
                        "JAVA_HOME", "/opt/java",
                        "CUSTODIAN_DATA_DIR", VOLUME + "/data"))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(VOLUME))
                .addVolume(AbsoluteUnixPath.get(VOLUME))
                .addExposedPort(Port.tcp(8080))
                .setEntrypoint(ENTRYPOINT)
                .setProgramArguments(ARGUMENTS)
                .addLabel("org.opencontainers.image.title", "Green Button Connect My Data custodian");
        image.containerize(Containerizer.to(TarImage.at(tarball).named(args[2]))
                .setOfflineMode(true)
                .setBaseImageLayersCache(work.resolve("cache"))
                .setApplicationLayersCache(work.resolve("cache"))
                .setToolName("custodian image build"));
        System.out.println("image " + args[2] + " written to " + tarball);
    }

    /** A Java runtime of the build JDK's server modules, as the JDK's jlink makes it. */
    private static Path jlink(Path output) throws IOException {
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods))
            throw new IllegalStateException(
                    "the image needs a JDK with its jmods (Debian: openjdk-17-jmods): none in " + jmods.getParent());
        String modules;
        try (Stream<Path> files = Files.list(jmods)) {
            modules = files.map(f -> f.getFileName().toString().replaceFirst("\\.jmod$", ""))
                    .filter(m -> !DEVELOPMENT.matcher(m).matches())
                    .sorted()
                    .collect(Collectors.joining(","));
        }
        deleteTree(output);
        run(
                ToolProvider.findFirst("jlink").orElseThrow(),
                "--module-path",
                jmods.toString(),
                "--add-modules",
                modules,
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--output",
                output.toString());
        return output;
    }

    /** The shared libraries the runtime's programs and libraries link against, at the paths the loader finds them. */
    private static FileEntriesLayer libraries(Path runtime) throws IOException, InterruptedException {
        List<String> binaries;
        try (Stream<Path> files = Files.walk(runtime)) {
            binaries = files.filter(
                            f -> f.toString().endsWith(".so") || f.getParent().endsWith("bin"))
                    .filter(Files::isRegularFile)
                    .map(Path::toString)
                    .toList();
        }
        Process ldd = new ProcessBuilder(
                        Stream.concat(Stream.of("ldd"), binaries.stream()).toList())
                .redirectErrorStream(true)
                .start();
        String answer = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        TreeSet<String> found = new TreeSet<>();
        Matcher m = LIBRARY.matcher(answer);
        while (m.find()) if (!m.group(1).startsWith(runtime.toString())) found.add(m.group(1));
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("libraries");
        for (String library : found)
            layer.addEntry(
                    Path.of(library).toRealPath(),
                    AbsoluteUnixPath.get(library),
                    FilePermissions.fromOctalString("755"));
        return layer.build();
    }

    private static Path system(Path etc) throws IOException {
        Files.createDirectories(etc);
        Files.writeString(
                etc.resolve("passwd"),
                "root:x:0:0:root:/root:/sbin/nologin\n" + "custodian:x:10001:10001:data custodian:" + VOLUME
                        + ":/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\ncustodian:x:10001:\n");
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        return etc;
    }

    private static FilePermissions sameAsBuilt(Path source, AbsoluteUnixPath target) {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the permissions of " + source, e);
        }
    }

    private static void run(ToolProvider tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        if (tool.run(print, print, args) != 0)
            throw new IllegalStateException(tool.name() + " failed: " + out.toString(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
