package dev.idvharness.stub.profile;

/** A profile that cannot be used; the message is one line that names the file and the field. */
public final class ProfileException extends RuntimeException {
  public ProfileException(String message) {
    super(message);
  }
}
