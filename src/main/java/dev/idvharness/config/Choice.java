package dev.idvharness.config;

/** A value of a closed set, named in the configuration and the reports by its label ({@code missing-in-vendor}). */
public interface Choice {

  String label();
}
