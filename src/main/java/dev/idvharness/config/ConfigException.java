package dev.idvharness.config;

/** A configuration that cannot be used. The message is one line: the key, and the form its value must take. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
