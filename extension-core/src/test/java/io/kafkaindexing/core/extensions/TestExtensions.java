package io.kafkaindexing.core.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.guice.DruidModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real extension jars for tests: Java sources compiled now with {@code javax.tools} against
 * the test classpath, packed with a {@code META-INF/services} file naming the modules.
 */
final class TestExtensions {
  static final String SERVICES = "META-INF/services/" + DruidModule.class.getName();

  private TestExtensions() {}

  /**
   * Writes {@code jar} holding the classes compiled from {@code sources} (class name to source) and
   * a services file listing {@code services}.
   */
  static Path buildJar(Path work, Path jar, Map<String, String> sources, List<String> services) {
    try {
      Path src = Files.createTempDirectory(work, "src");
      Path classes = Files.createTempDirectory(work, "classes");
      List<String> files = new ArrayList<>();
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        files.add(file.toString());
      }
      if (!files.isEmpty()) {
        compile(classes, files);
      }
      Files.createDirectories(jar.getParent());
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
        try (Stream<Path> walk = Files.walk(classes)) {
          for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
            jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
            jos.write(Files.readAllBytes(p));
            jos.closeEntry();
          }
        }
        jos.putNextEntry(new JarEntry(SERVICES));
        jos.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
        jos.closeEntry();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(Path classes, List<String> files) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertTrue(javac != null, "tests need a JDK (javax.tools compiler)");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath(),
        "-proc:none", "--release", "17"));
    args.addAll(files);
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, args.toArray(new String[0]));
    assertEquals(0, rc, "compiling the test extension failed: " + errors.toString(StandardCharsets.UTF_8));
  }

  /** The test classpath plus the code locations of the APIs the extension sources use. */
  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!e.isBlank()) {
        entries.add(e);
      }
    }
    for (String cls : new String[] {"io.kafkaindexing.core.guice.DruidModule",
        "io.kafkaindexing.core.extensions.ExtensionShape", "com.google.inject.Binder", "jakarta.inject.Provider",
        "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonParser",
        "com.fasterxml.jackson.annotation.JsonTypeInfo", "com.google.common.base.Preconditions"}) {
      try {
        Class<?> c = Class.forName(cls, false, TestExtensions.class.getClassLoader());
        entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        // not on this classpath: not needed by the sources
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
