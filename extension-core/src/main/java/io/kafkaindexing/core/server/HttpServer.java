package io.kafkaindexing.core.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.guice.ResourceBinding;
import io.kafkaindexing.core.guice.ServletBinding;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.core.security.AuthenticationFilter;
import io.kafkaindexing.core.security.AuthorizationCheckFilter;
import io.kafkaindexing.core.security.ServerSecurity;
import jakarta.servlet.DispatcherType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jetty server with a connector per {@link NodeRole} (Overlord on 8081, Broker on 8082 by
 * default) and, with Druid's {@code druid.enableTlsPort=true}, a TLS connector per role (Overlord on
 * 8290, Broker on 8282 by default; certificate from {@link TlsServerConfig}); Druid's
 * {@code druid.enablePlaintextPort=false} leaves only the TLS ones. Each connector routes to its own
 * Jersey application holding the resources bound for that role plus {@code /status}, behind the
 * authentication filter of {@link ServerSecurity}. Resource instances come from Guice. Prepared
 * (Jersey initialized, no port open) while the other services start; its ports open last (stage
 * SERVER) so nothing is served before the services behind it are up. Thread-safe.
 */
@Singleton
public final class HttpServer implements Managed.Preparable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  /** Druid's switch of the plain HTTP ports (default true). */
  public static final String ENABLE_PLAINTEXT_PORT = "druid.enablePlaintextPort";
  /** Druid's switch of the TLS ports (default false). */
  public static final String ENABLE_TLS_PORT = "druid.enableTlsPort";
  /**
   * Jersey warns that resource instances "do not implement any provider interfaces" when they are
   * registered as instances (as we do, to use Guice-built objects); they are served all the same.
   * Held strongly so the level sticks.
   */
  private static final java.util.logging.Logger JERSEY_PROVIDERS =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    // Jersey and HK2 log through java.util.logging: send it to SLF4J like everything else.
    if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
      org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
      org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
    JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
  }

  private final ServerConfig config;
  private final Set<ResourceBinding> bindings;
  private final Set<ServletBinding> servlets;
  private final Injector injector;
  private final ObjectMapper mapper;
  private final ServerSecurity security;
  private final RuntimeProperties properties;
  private final TlsServerConfig tls;
  private final Map<NodeRole, Integer> boundPorts = new EnumMap<>(NodeRole.class);
  private final Map<NodeRole, Integer> boundTlsPorts = new EnumMap<>(NodeRole.class);
  /** Built and started (handlers only) by prepare; null when stopped. */
  private Server server;
  /** Which connectors start opens; decided by prepare. */
  private boolean plaintext;
  private boolean secure;

  @Inject
  public HttpServer(ServerConfig config, Set<ResourceBinding> bindings, Set<ServletBinding> servlets,
      Injector injector, ObjectMapper mapper, ServerSecurity security, RuntimeProperties properties,
      TlsServerConfig tls) {
    this.servlets = servlets;
    this.config = config;
    this.properties = properties;
    this.tls = tls;
    this.security = security;
    this.bindings = bindings;
    this.injector = injector;
    this.mapper = mapper;
  }

  @Override
  public Stage stage() {
    return Stage.SERVER;
  }

  /**
   * Builds the Jetty server and initializes the Jersey applications (the slow part: class loading,
   * resource model) without opening any port, so the lifecycle can do it while the services behind
   * the resources start; {@link #start()} opens the ports.
   */
  @Override
  public synchronized void prepare() throws Exception {
    if (server != null) {
      return;
    }
    plaintext = properties.getBoolean(ENABLE_PLAINTEXT_PORT, true);
    secure = properties.getBoolean(ENABLE_TLS_PORT, false);
    if (!plaintext && !secure) {
      throw new IllegalArgumentException("Properties[" + ENABLE_PLAINTEXT_PORT + ", " + ENABLE_TLS_PORT
          + "] are both false: no port would serve the APIs");
    }
    if (secure) {
      tls.validate();
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    Server candidate = new Server(threads);
    ContextHandlerCollection contexts = new ContextHandlerCollection();
    for (NodeRole role : NodeRole.values()) {
      contexts.addHandler(contextFor(role));
    }
    candidate.setHandler(contexts);
    candidate.setStopAtShutdown(false);
    try {
      candidate.start();
    } catch (Exception e) {
      stopQuietly(candidate, e);
      throw e;
    }
    server = candidate;
  }

  /** Opens the ports (preparing first if {@link #prepare()} was not called); stops everything if one fails. */
  @Override
  public synchronized void start() throws Exception {
    prepare();
    Map<NodeRole, ServerConnector> connectors = new EnumMap<>(NodeRole.class);
    Map<NodeRole, ServerConnector> tlsConnectors = new EnumMap<>(NodeRole.class);
    try {
      for (NodeRole role : NodeRole.values()) {
        if (plaintext) {
          connectors.put(role, connector(new ServerConnector(server), connectorName(role),
              role == NodeRole.OVERLORD ? config.getOverlordPort() : config.getBrokerPort()));
        }
        if (secure) {
          tlsConnectors.put(role, connector(new ServerConnector(server, sslContextFactory()),
              connectorName(role) + "-tls", role == NodeRole.OVERLORD ? config.getOverlordTlsPort()
                  : config.getBrokerTlsPort()));
        }
      }
    } catch (Exception e) {
      stopQuietly(server, e);
      server = null;
      throw e;
    }
    connectors.forEach((role, c) -> boundPorts.put(role, c.getLocalPort()));
    tlsConnectors.forEach((role, c) -> boundTlsPorts.put(role, c.getLocalPort()));
    log.info("HTTP server listening on {}: Overlord on {} (TLS {}), Broker on {} (TLS {})", config.getBindAddress(),
        portText(boundPorts, NodeRole.OVERLORD), portText(boundTlsPorts, NodeRole.OVERLORD),
        portText(boundPorts, NodeRole.BROKER), portText(boundTlsPorts, NodeRole.BROKER));
  }

  private static void stopQuietly(Server server, Exception cause) {
    try {
      server.stop();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  /** Adds and opens a connector on the running server (the virtual hosts route by its name). */
  private ServerConnector connector(ServerConnector connector, String name, int port) throws Exception {
    connector.setName(name);
    connector.setHost(config.getBindAddress());
    connector.setPort(port);
    server.addConnector(connector);
    if (!connector.isStarted()) {
      connector.start();
    }
    return connector;
  }

  private SslContextFactory.Server sslContextFactory() {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.getKeyStorePath());
    ssl.setKeyStoreType(tls.getKeyStoreType());
    ssl.setKeyStorePassword(tls.getKeyStorePassword().getPassword());
    if (tls.getKeyManagerPassword() != null && tls.getKeyManagerPassword().getPassword() != null) {
      ssl.setKeyManagerPassword(tls.getKeyManagerPassword().getPassword());
    }
    if (tls.getCertAlias() != null && !tls.getCertAlias().isBlank()) {
      ssl.setCertAlias(tls.getCertAlias());
    }
    return ssl;
  }

  private static String portText(Map<NodeRole, Integer> ports, NodeRole role) {
    Integer port = ports.get(role);
    return port == null ? "off" : port.toString();
  }

  private Handler contextFor(NodeRole role) {
    ResourceConfig rc = new ResourceConfig();
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    rc.register(new StatusResource());
    rc.register(new JsonWriter(mapper, role == NodeRole.OVERLORD));
    rc.register(ErrorMappers.forRole(role));
    rc.register(new AuthorizationCheckFilter(security.isEnforcing()));
    for (ResourceBinding binding : bindings) {
      if (binding.role() == role) {
        rc.register(injector.getInstance(binding.resourceClass()));
      }
    }
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder jersey = new ServletHolder(new ServletContainer(rc));
    // Initialize Jersey when the server starts (in prepare), not on the first request.
    jersey.setInitOrder(0);
    context.setContextPath("/");
    context.setVirtualHosts(List.of("@" + connectorName(role), "@" + connectorName(role) + "-tls"));
    context.addFilter(new FilterHolder(new AuthenticationFilter(security, mapper)), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(jersey, "/*");
    for (ServletBinding binding : servlets) {
      if (binding.role() == role) {
        ServletHolder holder = new ServletHolder(injector.getInstance(binding.servletClass()));
        for (String pathSpec : binding.pathSpecs()) {
          context.addServlet(holder, pathSpec);
        }
      }
    }
    return context;
  }

  private static String connectorName(NodeRole role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  /** The plaintext port a role's connector is bound to (the real one when configured as 0). */
  public synchronized int port(NodeRole role) {
    return bound(boundPorts, role, ENABLE_PLAINTEXT_PORT);
  }

  /** The TLS port a role's connector is bound to (the real one when configured as 0). */
  public synchronized int tlsPort(NodeRole role) {
    return bound(boundTlsPorts, role, ENABLE_TLS_PORT);
  }

  /** Whether the APIs are served over plain HTTP ({@code druid.enablePlaintextPort}). */
  public synchronized boolean hasPlaintextPort() {
    return !boundPorts.isEmpty();
  }

  private int bound(Map<NodeRole, Integer> ports, NodeRole role, String switchName) {
    if (server == null || (boundPorts.isEmpty() && boundTlsPorts.isEmpty())) {
      throw new IllegalStateException("HTTP server is not started");
    }
    Integer port = ports.get(role);
    if (port == null) {
      throw new IllegalStateException("The port is off (" + switchName + ")");
    }
    return port;
  }

  @Override
  public synchronized void stop() throws Exception {
    if (server != null) {
      server.stop();
      server = null;
      boundPorts.clear();
      boundTlsPorts.clear();
    }
  }
}
