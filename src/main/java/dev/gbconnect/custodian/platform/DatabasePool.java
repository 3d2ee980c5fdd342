package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures of the application's connection pool ({@link CustodianApplication#DATA_SOURCE}), for {@code /metrics}.
 * The pool is Payara's ({@code @DataSourceDefinition}: it enlists connections in JTA transactions), not ours:
 * ConfiguredDataSource only makes its physical connections, so it sees neither borrowing nor waiting. Payara shows
 * the figures through AMX/JMX only with pool monitoring on, which costs a probe event on every borrow; its pool
 * manager (an HK2 service) holds them anyway. It is read by reflection, the one way a deployed application reaches
 * the container's internal API without compiling against it. A Payara whose internals moved reports no figures, and
 * the series are absent, which an alert on {@code absent()} notices (docs/operations.md).
 *
 * <p>How long borrowing takes and how often it times out are events, not figures: a listener joins the pool's
 * (Payara's list of listeners, which its own monitoring uses too) as soon as the application has started.
 */
@ApplicationScoped
public class DatabasePool {

    record Figures(int inUse, int idle, int max, int waiting) {}

    private static final Logger LOG = Logger.getLogger(DatabasePool.class.getName());

    private static volatile Object pool;
    private static volatile boolean unavailable;

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        figures();
    }

    /** The pool's figures now, or none when Payara has not made it yet or its internals are not as expected. */
    static Optional<Figures> figures() {
        if (unavailable) return Optional.empty();
        try {
            Object p = pool == null ? find() : pool;
            if (p == null) return Optional.empty();
            pool = p;
            Class<?> api = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", false, loader());
            Object status = api.getMethod("getPoolStatus").invoke(p);
            Object queue = api.getMethod("getPoolWaitQueue").invoke(p);
            return Optional.of(new Figures(
                    (int) status.getClass().getMethod("getNumConnUsed").invoke(status),
                    (int) status.getClass().getMethod("getNumConnFree").invoke(status),
                    (int) api.getMethod("getMaxPoolSize").invoke(p),
                    queue == null
                            ? 0
                            : (int) Class.forName(
                                            "com.sun.enterprise.resource.pool.waitqueue.PoolWaitQueue", false, loader())
                                    .getMethod("getQueueLength")
                                    .invoke(queue)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError moved) {
            unavailable = true;
            LOG.log(
                    Level.WARNING,
                    "database pool figures are not available from this Payara; /metrics omits them",
                    moved);
            return Optional.empty();
        }
    }

    /** The pool whose name ends with our data source's JNDI name (Payara prefixes it with the application's). */
    private static synchronized Object find() throws ReflectiveOperationException {
        if (pool != null) return pool;
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader())
                .getMethod("getDefaultBaseServiceLocator")
                .invoke(null);
        Class<?> managerType = Class.forName("com.sun.enterprise.resource.pool.PoolManager", false, loader());
        Object manager = locator.getClass()
                .getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, managerType, new Annotation[0]);
        Field table = manager.getClass().getDeclaredField("poolTable");
        table.setAccessible(true);
        String jndi = CustodianApplication.DATA_SOURCE.substring(CustodianApplication.DATA_SOURCE.indexOf(':') + 1);
        for (Map.Entry<?, ?> e : ((Map<?, ?>) table.get(manager)).entrySet()) {
            Method name = e.getKey().getClass().getMethod("getName");
            if (String.valueOf(name.invoke(e.getKey())).endsWith(jndi)) {
                listen(e.getKey(), e.getValue());
                return e.getValue();
            }
        }
        return null;
    }

    /** Adds ours to the pool's list of listeners, making the list if monitoring has not. */
    private static void listen(Object poolInfo, Object pool) throws ReflectiveOperationException {
        Class<?> listenerType =
                Class.forName("com.sun.enterprise.resource.listener.PoolLifeCycleListener", false, loader());
        Class<?> registryType =
                Class.forName("com.sun.enterprise.resource.pool.PoolLifeCycleListenerRegistry", false, loader());
        Field current = field(pool.getClass(), "poolLifeCycleListener");
        current.setAccessible(true);
        Object registry = current.get(pool);
        if (!registryType.isInstance(registry)) {
            registry = registryType.getConstructor(poolInfo.getClass()).newInstance(poolInfo);
            Class.forName("com.sun.enterprise.resource.pool.ResourcePool", false, loader())
                    .getMethod("setPoolLifeCycleListener", listenerType)
                    .invoke(pool, registry);
        }
        Object ours = listener(listenerType);
        registryType.getMethod("registerPoolLifeCycleListener", listenerType).invoke(registry, ours);
    }

    /** Payara's listener interface, answering the two events /metrics counts and ignoring the rest. */
    private static Object listener(Class<?> listenerType) {
        return Proxy.newProxyInstance(loader(), new Class<?>[] {listenerType}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "connectionRequestServed" -> Metrics.databaseWait((long) args[0]);
                case "connectionTimedOut" -> Metrics.databaseTimeout();
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return args == null ? "custodian /metrics" : null;
                }
                default -> {}
            }
            return null;
        });
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static ClassLoader loader() {
        return DatabasePool.class.getClassLoader();
    }
}
