package io.kafkaindexing.core.extensions;

import com.google.inject.Binder;
import io.kafkaindexing.core.guice.DruidModule;

/** A module "on the host classpath", made discoverable by a services file the test writes. */
public final class ClasspathModule implements DruidModule {
  @Override
  public void configure(Binder binder) {
  }
}
