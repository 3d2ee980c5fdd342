package dev.gbconnect.custodian.testsupport;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.BeforeClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;

/**
 * One Payara Micro for every Arquillian class of a test JVM (a failsafe execution), instead of one per class.
 *
 * <p>The Payara Micro adapter (arquillian-payara-micro-managed 3.1) starts a new server process in {@code deploy()}
 * and stops it in {@code undeploy()}, so each class paid a 15-20 s boot. This extension replaces the adapter's
 * container with {@link Container}: the first deployment starts the server, a later deployment of the same archive
 * (same entries, same bytes) gets the running server's address, and the server stops when Arquillian stops its
 * containers at the end of the run (the adapter's shutdown hook stops it if the JVM ends first). A class marked
 * {@link PrivateServer}, a different archive, or {@code -Dit.sharedServer=false} (every class alone, as before) gets a
 * server of its own for the class's duration.
 */
public final class OneServer implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, Container.class)
                .observer(ClassWatch.class);
    }

    /** Tells the container which class deploys next: the deployment itself does not say. */
    public static final class ClassWatch {

        /** Before the adapter's own BeforeClass observer (precedence 0), which deploys. */
        public void beforeClass(@Observes(precedence = 100) BeforeClass event) {
            Container.privateNext = !Boolean.parseBoolean(System.getProperty("it.sharedServer", "true"))
                    || event.getTestClass().isAnnotationPresent(PrivateServer.class);
        }
    }

    public static final class Container extends PayaraMicroDeployableContainer {

        private static volatile boolean privateNext;

        private PayaraMicroContainerConfiguration configuration;
        private Archive<?> shared;
        private String sharedDigest;
        private ProtocolMetaData sharedMetaData;
        private PayaraMicroDeployableContainer alone;

        @Override
        public void setup(PayaraMicroContainerConfiguration configuration) {
            super.setup(configuration);
            this.configuration = configuration;
        }

        @Override
        public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
            String digest = digest(archive);
            if (shared == null && !privateNext) {
                sharedMetaData = super.deploy(archive);
                shared = archive;
                sharedDigest = digest;
                return sharedMetaData;
            }
            if (!privateNext && digest.equals(sharedDigest)) return sharedMetaData;
            alone = new PayaraMicroDeployableContainer();
            alone.setup(configuration);
            return alone.deploy(archive);
        }

        @Override
        public void undeploy(Archive<?> archive) throws DeploymentException {
            if (alone == null) return;
            try {
                alone.undeploy(archive);
            } finally {
                alone = null;
            }
        }

        @Override
        public void stop() throws LifecycleException {
            if (shared == null) return;
            try {
                super.undeploy(shared);
            } catch (DeploymentException e) {
                throw new LifecycleException("could not stop the shared Payara Micro", e);
            } finally {
                shared = null;
                sharedDigest = null;
                sharedMetaData = null;
            }
        }

        /** The archive's entries and their bytes: a class that deploys anything else must not get this server. */
        private static String digest(Archive<?> archive) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                Map<ArchivePath, Node> sorted = new TreeMap<>(archive.getContent());
                byte[] buffer = new byte[65536];
                for (Map.Entry<ArchivePath, Node> e : sorted.entrySet()) {
                    sha.update(e.getKey().get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    if (e.getValue().getAsset() == null) continue;
                    try (InputStream in = e.getValue().getAsset().openStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                    }
                }
                return archive.getName() + " " + HexFormat.of().formatHex(sha.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
