package io.kafkaindexing.core.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.guice.Initialization;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension loader over a real extensions directory: jars compiled and packed at test time, one
 * sub-directory per extension.
 */
class ExtensionLoaderTest {
  @TempDir
  static Path work;
  static Path extensions;

  private static String helloSource() {
    return String.join("\n",
        "package ext.hello;",
        "public class HelloModule implements io.kafkaindexing.core.guice.DruidModule {",
        "  @Override public void configure(com.google.inject.Binder binder) {",
        "    binder.bind(String.class).annotatedWith(com.google.inject.name.Names.named(\"hello\"))",
        "        .toInstance(\"hello from \" + getClass().getClassLoader().getName());",
        "  }",
        "  @Override public java.util.List<? extends com.fasterxml.jackson.databind.Module> getJacksonModules() {",
        "    com.fasterxml.jackson.databind.module.SimpleModule m =",
        "        new com.fasterxml.jackson.databind.module.SimpleModule(\"hello\");",
        "    m.registerSubtypes(new com.fasterxml.jackson.databind.jsontype.NamedType(Circle.class, \"circle\"));",
        "    return java.util.List.of(m);",
        "  }",
        "}");
  }

  @BeforeAll
  static void buildExtensions() throws Exception {
    extensions = work.resolve("extensions");
    TestExtensions.buildJar(work, extensions.resolve("hello/hello-1.0.jar"), Map.of(
        "ext.hello.HelloModule", helloSource(),
        "ext.hello.Circle", "package ext.hello;\n"
            + "public class Circle implements io.kafkaindexing.core.extensions.ExtensionShape {\n"
            + "  public double radius;\n}\n"),
        List.of("ext.hello.HelloModule"));
    Files.writeString(extensions.resolve("hello/README.txt"), "not a jar");
    TestExtensions.buildJar(work, extensions.resolve("other/other.jar"), Map.of(
        "ext.other.OtherModule", "package ext.other;\n"
            + "public class OtherModule implements io.kafkaindexing.core.guice.DruidModule {\n"
            + "  @Override public void configure(com.google.inject.Binder binder) {\n"
            + "    binder.bind(String.class).annotatedWith(com.google.inject.name.Names.named(\"other\"))"
            + ".toInstance(\"other\");\n"
            + "  }\n}\n"),
        List.of("ext.other.OtherModule"));
    // A second copy of the hello extension's module: the first found is used.
    TestExtensions.buildJar(work, extensions.resolve("zz-hello-copy/copy.jar"), Map.of(
        "ext.hello.HelloModule", helloSource(),
        "ext.hello.Circle", "package ext.hello;\n"
            + "public class Circle implements io.kafkaindexing.core.extensions.ExtensionShape {}\n"),
        List.of("ext.hello.HelloModule"));
    // An extension naming a module that is on the host classpath.
    TestExtensions.buildJar(work, extensions.resolve("names-host-module/x.jar"), Map.of(),
        List.of(ClasspathModule.class.getName()));
    Files.writeString(extensions.resolve("a-file-not-a-directory"), "ignored");
  }

  private static List<DruidModule> load(List<String> loadList) {
    return new ExtensionLoader(new ExtensionsConfig(extensions.toString(), loadList),
        ExtensionLoaderTest.class.getClassLoader()).load();
  }

  private static List<String> names(List<DruidModule> modules) {
    List<String> names = new ArrayList<>();
    modules.forEach(m -> names.add(m.getClass().getName()));
    return names;
  }

  @Test
  void loadsEachExtensionWithItsOwnClassLoader() {
    List<DruidModule> modules = load(null);
    assertEquals(List.of("ext.hello.HelloModule", ClasspathModule.class.getName(), "ext.other.OtherModule"),
        names(modules), "every directory, sorted by name; a module class found twice is used once");

    DruidModule hello = modules.get(0);
    ClassLoader helloLoader = hello.getClass().getClassLoader();
    URLClassLoader url = assertInstanceOf(URLClassLoader.class, helloLoader);
    assertEquals("extension-hello", url.getName());
    assertSame(ExtensionLoaderTest.class.getClassLoader(), url.getParent(), "the host loader is the parent");
    List<String> jars = new ArrayList<>();
    for (URL u : url.getURLs()) {
      jars.add(Path.of(u.getPath()).getFileName().toString());
    }
    assertEquals(List.of("hello-1.0.jar"), jars, "only the jars of the extension directory");

    ClassLoader otherLoader = modules.get(2).getClass().getClassLoader();
    assertEquals("extension-other", otherLoader.getName());
    assertNotSame(helloLoader, otherLoader);
    assertThrows(ClassNotFoundException.class, () -> Class.forName("ext.hello.HelloModule", false,
        ExtensionLoaderTest.class.getClassLoader()), "extension classes are not visible to the host");
    assertThrows(ClassNotFoundException.class, () -> Class.forName("ext.hello.Circle", false, otherLoader),
        "nor to other extensions");

    assertSame(ExtensionLoaderTest.class.getClassLoader(), modules.get(1).getClass().getClassLoader(),
        "a module class on the host classpath is loaded by the host loader");
  }

  @Test
  void loadListFiltersAndOrders() {
    assertEquals(List.of("ext.other.OtherModule", "ext.hello.HelloModule"), names(load(List.of("other", "hello"))));
    assertEquals(List.of("ext.hello.HelloModule"), names(load(List.of("hello"))));
    assertEquals(List.of(), names(load(List.of())), "an empty loadList loads no extension");
  }

  @Test
  void duplicateModuleClassIsUsedOnce() {
    List<DruidModule> modules = load(List.of("zz-hello-copy", "hello"));
    assertEquals(List.of("ext.hello.HelloModule"), names(modules));
    assertEquals("extension-zz-hello-copy", modules.get(0).getClass().getClassLoader().getName(),
        "the first in loadList order wins");
  }

  @Test
  void loadListNameWithoutDirectoryFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> load(List.of("hello", "missing-ext")));
    assertTrue(e.getMessage().contains("Extension[missing-ext]"), e.getMessage());
    assertTrue(e.getMessage().contains("druid.extensions.loadList"), e.getMessage());
    assertTrue(e.getMessage().contains(extensions.resolve("missing-ext").toAbsolutePath().toString()),
        e.getMessage());
    IllegalStateException file = assertThrows(IllegalStateException.class,
        () -> load(List.of("a-file-not-a-directory")));
    assertTrue(file.getMessage().contains("Extension[a-file-not-a-directory]"), file.getMessage());
  }

  @Test
  void missingExtensionsDirectoryWithoutLoadListLoadsNothing() {
    List<DruidModule> modules = new ExtensionLoader(new ExtensionsConfig(work.resolve("nope").toString(), null),
        ExtensionLoaderTest.class.getClassLoader()).load();
    assertEquals(List.of(), modules);
  }

  @Test
  void classpathModulesAreFoundFirst() throws Exception {
    Path servicesJar = TestExtensions.buildJar(work, work.resolve("host/services.jar"), Map.of(),
        List.of(ClasspathModule.class.getName()));
    try (URLClassLoader host = new URLClassLoader(new URL[] {servicesJar.toUri().toURL()},
        ExtensionLoaderTest.class.getClassLoader())) {
      List<DruidModule> modules = new ExtensionLoader(new ExtensionsConfig(extensions.toString(),
          List.of("hello", "names-host-module")), host).load();
      assertEquals(List.of(ClasspathModule.class.getName(), "ext.hello.HelloModule"), names(modules));
      assertSame(host, modules.get(1).getClass().getClassLoader().getParent());
    }
  }

  @Test
  void initializationWiresExtensionModulesAndTheirJsonTypes() throws Exception {
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.extensions.directory", extensions.toString(),
        "druid.extensions.loadList", "[\"hello\"]",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:memory:ext-loader-test;create=true"));
    Injector injector = Initialization.makeInjector(props, List.of());
    assertEquals("hello from extension-hello", injector.getInstance(Key.get(String.class, Names.named("hello"))));
    assertTrue(injector.findBindingsByType(com.google.inject.TypeLiteral.get(String.class)).stream()
        .noneMatch(b -> b.getKey().equals(Key.get(String.class, Names.named("other")))),
        "extensions not in loadList are not loaded");

    ObjectMapper mapper = injector.getInstance(ObjectMapper.class);
    ExtensionShape circle = mapper.readValue("{\"type\":\"Circle\",\"radius\":2.5}", ExtensionShape.class);
    assertEquals("ext.hello.Circle", circle.getClass().getName());
    assertEquals("extension-hello", circle.getClass().getClassLoader().getName());
    assertEquals("{\"type\":\"circle\",\"radius\":2.5}", mapper.writeValueAsString(circle));
  }
}
