package dev.idvharness.stub.hostile;

/** One catalogue entry: a named hostile request, what must exist before it, and the answer it must get. */
record HostileCase(String name, Setup setup, RawRequest request, Expect expect) {

  @Override
  public String toString() {
    return name;
  }
}
