package io.kafkaindexing.core.guice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.extensions.ExtensionLoader;
import io.kafkaindexing.core.extensions.ExtensionsConfig;
import io.kafkaindexing.core.json.JsonMappers;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the process injector: the host modules given by the entry point plus every extension module
 * the {@link ExtensionLoader} finds, with one JSON mapper knowing all their types. Stateless.
 */
public final class Initialization {
  private Initialization() {}

  public static Injector makeInjector(RuntimeProperties properties, List<? extends DruidModule> hostModules) {
    ExtensionsConfig extensions = JsonConfigProvider.build(properties, JsonMappers.create(List.of()),
        "druid.extensions", ExtensionsConfig.class);
    List<DruidModule> all = new ArrayList<>(hostModules);
    for (DruidModule m : new ExtensionLoader(extensions, Initialization.class.getClassLoader()).load()) {
      if (all.stream().noneMatch(h -> h.getClass().equals(m.getClass()))) {
        all.add(m);
      }
    }
    List<com.fasterxml.jackson.databind.Module> jackson = new ArrayList<>();
    all.forEach(m -> jackson.addAll(m.getJacksonModules()));
    ObjectMapper mapper = JsonMappers.create(jackson);
    List<Module> guice = new ArrayList<>();
    guice.add(new CoreModule(properties, mapper));
    guice.addAll(all);
    return Guice.createInjector(Stage.PRODUCTION, guice);
  }
}
