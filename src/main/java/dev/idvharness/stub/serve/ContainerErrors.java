package dev.idvharness.stub.serve;

import java.util.Optional;

/**
 * A vendor's answer when the container fails on one of its paths (a Throwable escaped, or something called
 * sendError): the serving layer asks each vendor in turn and decides nothing itself.
 */
public interface ContainerErrors {

  /** The vendor's answer for {@code lowerCasePath} failing with {@code status}, or empty when the path is not its. */
  Optional<Reply> answer(String lowerCasePath, int status);
}
