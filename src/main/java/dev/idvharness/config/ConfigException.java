package dev.idvharness.config;

/**
 * A configuration that cannot be used. The message is one line: the key, and the form its value must take. It carries
 * no stack trace: the line is the whole answer, and a trace under it would bury it.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
