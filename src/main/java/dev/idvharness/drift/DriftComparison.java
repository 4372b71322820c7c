package dev.idvharness.drift;

import dev.idvharness.config.DriftKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stubs' answers beside a vendor's, for the same scenarios: every difference, by kind. Only the vendors that the
 * vendor run exercised are compared. Per request case: status and content type; per operation and outcome: fields
 * and their types, identifier formats, enumeration values and headers.
 */
public final class DriftComparison {

  private DriftComparison() {}

  public static List<Difference> compare(ShapeLog stub, ShapeLog vendor) {
    List<Difference> differences = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    stub.cases.forEach((id, stubCase) -> {
      ShapeLog.CaseAnswer vendorCase = vendor.cases.get(id);
      if (vendorCase == null || !vendor.vendors.contains(stubCase.vendor())) {
        return;
      }
      String operation = stubCase.operation();
      if (stubCase.status() != vendorCase.status()
          && seen.add(operation + " status " + stubCase.status() + ">" + vendorCase.status())) {
        differences.add(new Difference(operation, "(status)", DriftKind.STATUS_CHANGED,
            String.valueOf(stubCase.status()), String.valueOf(vendorCase.status())));
      }
      if (!stubCase.contentType().equals(vendorCase.contentType())
          && seen.add(operation + " type " + stubCase.contentType() + ">" + vendorCase.contentType())) {
        differences.add(new Difference(operation + "/" + stubCase.outcome(), "(content type)",
            DriftKind.CONTENT_TYPE_CHANGED, stubCase.contentType(), vendorCase.contentType()));
      }
    });
    Set<String> operations = new TreeSet<>();
    operations.addAll(keysOf(stub, vendor));
    operations.addAll(keysOf(vendor, vendor));
    for (String operation : operations) {
      AnswerShape ours = stub.shapes.get(operation);
      AnswerShape theirs = vendor.shapes.get(operation);
      if (ours == null) {
        differences.add(new Difference(operation, "(answer)", DriftKind.NEW_IN_VENDOR, "never seen", "seen"));
      } else if (theirs == null) {
        differences.add(new Difference(operation, "(answer)", DriftKind.MISSING_IN_VENDOR, "seen", "never seen"));
      } else {
        compareShapes(operation, ours, theirs, differences);
      }
    }
    return differences;
  }

  /** The operation keys of {@code log} that belong to a vendor the vendor run exercised. */
  private static Set<String> keysOf(ShapeLog log, ShapeLog vendor) {
    Set<String> keys = new TreeSet<>();
    log.shapes.keySet().stream()
        .filter(key -> vendor.vendors.stream().anyMatch(name -> key.startsWith(name + ".")))
        .forEach(keys::add);
    return keys;
  }

  private static void compareShapes(String operation, AnswerShape ours, AnswerShape theirs,
      List<Difference> differences) {
    if (ours.bodies.contains("json-object") != theirs.bodies.contains("json-object")) {
      differences.add(new Difference(operation, "(body)", DriftKind.CONTENT_TYPE_CHANGED,
          String.join(", ", ours.bodies), String.join(", ", theirs.bodies)));
      return;
    }
    compareKeys(operation, "", ours.fields, theirs.fields, differences, DriftKind.TYPE_CHANGED);
    compareKeys(operation, "header ", ours.headers, theirs.headers, differences, DriftKind.FORMAT_CHANGED);
    theirs.formats.forEach((path, formats) -> {
      Set<String> stubFormats = ours.formats.get(path);
      if (stubFormats != null && !stubFormats.containsAll(formats)) {
        differences.add(new Difference(operation, path, DriftKind.FORMAT_CHANGED, String.join(", ", stubFormats),
            String.join(", ", formats)));
      }
    });
    theirs.values.forEach((path, values) -> {
      Set<String> stubValues = ours.values.getOrDefault(path, Set.of());
      for (String value : values) {
        if (!stubValues.contains(value) && ours.fields.containsKey(path)) {
          differences.add(new Difference(operation, path, DriftKind.NEW_VALUE, String.join(", ", stubValues),
              value));
        }
      }
    });
  }

  /** Paths (or headers) on one side only, and those whose types (or formats) differ. */
  private static void compareKeys(String operation, String prefix, Map<String, Set<String>> ours,
      Map<String, Set<String>> theirs, List<Difference> differences, DriftKind changed) {
    for (String path : new TreeSet<>(ours.keySet())) {
      if (!theirs.containsKey(path)) {
        differences.add(new Difference(operation, prefix + path, DriftKind.MISSING_IN_VENDOR,
            String.join(", ", ours.get(path)), "absent"));
      } else if (!Objects.equals(ours.get(path), theirs.get(path)) && !ours.get(path).containsAll(theirs.get(path))) {
        differences.add(new Difference(operation, prefix + path, changed, String.join(", ", ours.get(path)),
            String.join(", ", theirs.get(path))));
      }
    }
    for (String path : new TreeSet<>(theirs.keySet())) {
      if (!ours.containsKey(path)) {
        differences.add(new Difference(operation, prefix + path, DriftKind.NEW_IN_VENDOR, "absent",
            String.join(", ", theirs.get(path))));
      }
    }
  }
}
