package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The stub replicas that share one session store: each one's statistics, so that the admin API of any replica can
 * report the whole, and a reset that reaches all of them.
 */
public interface ReplicaGroup extends AutoCloseable {

  /** Every live replica's entry ({@code id}, {@code epoch}, {@code snapshot}), this replica's taken now. */
  List<JsonNode> snapshots();

  /** Resets this replica's statistics and, before it returns, every other live replica's. */
  void resetAll();

  @Override
  void close();
}
