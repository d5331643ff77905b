package org.steward.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the web container answer the paths Payara's HTTP layer would answer itself ({@link MalformedUri}): there a
 * malformed escape such as {@code %zz} gets an empty 200 (Payara's {@code ContainerMapper} swallows the decoder's
 * {@code IllegalArgumentException}) and a NUL or an escaping {@code ..} an empty "400 Invalid URI"
 * ({@code CoyoteAdapter.postParseRequest}, before the error pages). A Grizzly request probe on each HTTP listener
 * rewrites such a path, as soon as the request head is parsed, to {@value #PATH} (plus {@code /api} for an API path),
 * which {@link ContainerErrorServlet} answers with a 400 (a problem under {@code /api}). A request head over
 * {@link #HEAD_LIMIT} is sent there too; only one over the HTTP layer's own limit still gets its empty 400
 * ({@code HttpServerFilter.onHttpHeaderError} in Grizzly's codec, before any request object exists).
 *
 * <p>Payara offers no setting for this, so the probe is reached through its internals (by reflection, nothing to
 * compile against): if they change, the guard logs that it is not installed and the old answers come back
 * ({@code ProblemsIT} catches it).
 */
@WebListener
public class MalformedUriGuard implements ServletContextListener {

    static final String PATH = "/_error/bad-uri";
    /**
     * The request head this server accepts (as Payara's default). The HTTP layer's own limit is raised above it
     * (pre-boot-commands.txt, header-buffer-length-bytes) so that a longer head is answered here, not with its empty
     * 400.
     */
    static final int HEAD_LIMIT = 8192;
    private static final Logger LOG = Logger.getLogger(MalformedUriGuard.class.getName());

    private final List<Runnable> removals = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            install();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Malformed request paths stay answered by the HTTP layer: " + e, e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        removals.forEach(Runnable::run);
        removals.clear();
    }

    private void install() throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultHabitat").invoke(null);
        Class<?> grizzlyService = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Object service = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader)
                .getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, grizzlyService, new Annotation[0]);
        Class<?> serverFilter = Class.forName("org.glassfish.grizzly.http.server.HttpServerFilter", true, loader);
        Class<?> probeType = Class.forName("org.glassfish.grizzly.http.server.HttpServerProbe", true, loader);
        Class<?> monitoringConfig = Class.forName("org.glassfish.grizzly.monitoring.MonitoringConfig", true, loader);
        Method addProbes = monitoringConfig.getMethod("addProbes", Object[].class);
        Method removeProbes = monitoringConfig.getMethod("removeProbes", Object[].class);
        Object probes = Array.newInstance(probeType, 1);
        Array.set(probes, 0, Proxy.newProxyInstance(probeType.getClassLoader(), new Class<?>[] {probeType},
                new Probe(loader)));
        for (Object proxy : (Collection<?>) field(service, "proxies")) {
            Object listener = field(proxy, "grizzlyListener");
            for (Object filter : (List<?>) listener.getClass().getMethod("getFilters", Class.class)
                    .invoke(listener, serverFilter)) {
                Object config = serverFilter.getMethod("getMonitoringConfig").invoke(filter);
                addProbes.invoke(config, probes);
                removals.add(() -> {
                    try {
                        removeProbes.invoke(config, probes);
                    } catch (ReflectiveOperationException e) {
                        LOG.log(Level.FINE, "probe not removed", e);
                    }
                });
            }
        }
        if (removals.isEmpty()) {
            throw new IllegalStateException("no HTTP listener found");
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    /** The HttpServerProbe: acts on the event "request head parsed", ignores the others. */
    private static final class Probe implements InvocationHandler {

        private final Method getRequest;
        private final Method getRequestUri;
        private final Method setRequestUri;
        private final Method getQueryString;
        private final Method getHeaders;
        private final Method headerCount;
        private final Method headerName;
        private final Method headerValue;
        private final Method length;

        Probe(ClassLoader loader) throws ReflectiveOperationException {
            getRequest = Class.forName("org.glassfish.grizzly.http.server.Request", true, loader)
                    .getMethod("getRequest");
            Class<?> packet = Class.forName("org.glassfish.grizzly.http.HttpRequestPacket", true, loader);
            getRequestUri = packet.getMethod("getRequestURI");
            setRequestUri = packet.getMethod("setRequestURI", String.class);
            getQueryString = packet.getMethod("getQueryString");
            getHeaders = packet.getMethod("getHeaders");
            Class<?> headers = Class.forName("org.glassfish.grizzly.http.util.MimeHeaders", true, loader);
            headerCount = headers.getMethod("size");
            headerName = headers.getMethod("getName", int.class);
            headerValue = headers.getMethod("getValue", int.class);
            length = Class.forName("org.glassfish.grizzly.http.util.DataChunk", true, loader).getMethod("getLength");
        }

        /** About the size of the request head as sent: target, query and headers. */
        private int headSize(Object packet, String path) throws ReflectiveOperationException {
            String query = (String) getQueryString.invoke(packet);
            int size = path.length() + (query == null ? 0 : query.length() + 1);
            Object headers = getHeaders.invoke(packet);
            for (int i = 0, n = (int) headerCount.invoke(headers); i < n; i++) {
                size += (int) length.invoke(headerName.invoke(headers, i))
                        + (int) length.invoke(headerValue.invoke(headers, i)) + 4;
            }
            return size;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws ReflectiveOperationException {
            switch (method.getName()) {
                case "onRequestReceiveEvent" -> {
                    Object packet = getRequest.invoke(args[2]);
                    String path = (String) getRequestUri.invoke(packet);
                    if (MalformedUri.isMalformed(path) || headSize(packet, path) > HEAD_LIMIT) {
                        setRequestUri.invoke(packet, PATH + (ContainerErrorServlet.isApi(path) ? "/api" : ""));
                    }
                    return null;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "MalformedUriGuard";
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
