package io.kafkaindexing.core.extensions;

import io.kafkaindexing.core.guice.DruidModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link DruidModule}s: first on the application classpath, then in each extension directory
 * ({@code <druid.extensions.directory>/<name>/*.jar}, filtered by {@code loadList}), each directory
 * with its own class loader whose parent is the host's. A module class found twice is used once
 * (the classpath wins). A name in {@code loadList} with no directory fails start-up, as in Druid.
 * Not thread-safe; used once at start-up.
 */
public final class ExtensionLoader {
  private static final Logger log = LoggerFactory.getLogger(ExtensionLoader.class);

  private final ExtensionsConfig config;
  private final ClassLoader hostLoader;

  public ExtensionLoader(ExtensionsConfig config, ClassLoader hostLoader) {
    this.config = config;
    this.hostLoader = hostLoader;
  }

  /** Every module found, in discovery order, keyed by class name. */
  public List<DruidModule> load() {
    Map<String, DruidModule> modules = new LinkedHashMap<>();
    for (DruidModule module : ServiceLoader.load(DruidModule.class, hostLoader)) {
      modules.putIfAbsent(module.getClass().getName(), module);
      log.info("Loaded module[{}] from the classpath", module.getClass().getName());
    }
    for (Path dir : extensionDirectories()) {
      ClassLoader loader = classLoaderFor(dir);
      for (DruidModule module : ServiceLoader.load(DruidModule.class, loader)) {
        if (modules.putIfAbsent(module.getClass().getName(), module) == null) {
          log.info("Loaded module[{}] from extension[{}]", module.getClass().getName(), dir.getFileName());
        }
      }
    }
    return List.copyOf(modules.values());
  }

  private List<Path> extensionDirectories() {
    Path root = Path.of(config.getDirectory());
    List<Path> dirs = new ArrayList<>();
    if (config.getLoadList() != null) {
      for (String name : config.getLoadList()) {
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
          throw new IllegalStateException("Extension[" + name + "] in druid.extensions.loadList has no directory["
              + dir.toAbsolutePath() + "]");
        }
        dirs.add(dir);
      }
      return dirs;
    }
    if (!Files.isDirectory(root)) {
      return dirs;
    }
    try (Stream<Path> children = Files.list(root)) {
      children.filter(Files::isDirectory).sorted().forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list extensions directory[" + root + "]", e);
    }
    return dirs;
  }

  private ClassLoader classLoaderFor(Path dir) {
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path jar : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
        jars.add(jar.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException("Bad jar path in extension[" + dir + "]", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list extension[" + dir + "]", e);
    }
    return new URLClassLoader("extension-" + dir.getFileName(), jars.toArray(new URL[0]), hostLoader);
  }
}
