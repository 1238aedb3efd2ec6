package io.kafkaindexing.core.guice;

import com.fasterxml.jackson.databind.Module;
import java.util.List;

/**
 * The extension SPI: a Guice module that also contributes Jackson modules (named subtypes such as
 * supervisor type {@code kafka} or task type {@code index_kafka}). Jersey resources are contributed
 * from {@link #configure} through {@link Jerseys#addResource}.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} from the classpath and from
 * each extension directory (see {@code ExtensionLoader}), so an implementation needs a public no-arg
 * constructor and one line in {@code META-INF/services/io.kafkaindexing.core.guice.DruidModule}.
 * Instances are created once per process; they are not required to be thread-safe.
 */
public interface DruidModule extends com.google.inject.Module {
  /** Jackson modules registering this module's JSON types by name; none by default. */
  default List<? extends Module> getJacksonModules() {
    return List.of();
  }
}
