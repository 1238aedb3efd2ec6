package io.kafkaindexing.core.security.password;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A password that is looked up when needed instead of being written into configuration, as Druid's
 * {@code PasswordProvider}: a plain JSON string is the password itself (type {@code default}),
 * {@code {"type":"default","password":"..."}} likewise, and
 * {@code {"type":"environment","variable":"NAME"}} reads environment variable {@code NAME}.
 * {@code toString()} never shows the password. Implementations are immutable.
 */
@JsonDeserialize(using = PasswordProviderDeserializer.class)
public interface PasswordProvider {
  /** The password, or null if none is available (e.g. the environment variable is not set). */
  String getPassword();
}
