package org.pcdguide.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository alone builds and passes its tests: no test reads a file outside it (the
 * team's shared folder beside the repository, a developer's home), and the third-party test data in
 * test-data/external is still byte for byte what its README says it is.
 */
class RepositoryStandsAloneTest {
  /** Tests run in their module's folder, one level below the repository root. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Path EXTERNAL = ROOT.resolve("test-data/external");

  /** Paths that leave the repository, as test code and test resources would write them. */
  private static final Map<String, Pattern> ESCAPES =
      Map.of(
          "goes up two folders from a module, out of the repository",
          Pattern.compile("\\.\\.[/\\\\]\\.\\.|\"\\.\\.\"\\s*,\\s*\"\\.\\.\""),
          "is an absolute path on one machine",
          // any absolute file path, not a list of one machine's folders: a URL path such as
          // post("/cds-services/...") is not a file and is not matched
          Pattern.compile("(Path\\.of|Paths\\.get|new File)\\(\\s*\"(/|~/|[A-Za-z]:\\\\\\\\)"),
          "depends on the user's home folder",
          Pattern.compile("user\\.home"));

  @Test
  void testSourcesAndBuildFiles_nameNoPathOutsideTheRepository() throws IOException {
    assertThat(ROOT.resolve("pom.xml")).content().contains("<artifactId>pcd-parent</artifactId>");
    List<String> found = new ArrayList<>();
    int files = 0;
    for (Path f : scanned()) {
      files++;
      found.addAll(escapes(ROOT.relativize(f).toString(), Files.readAllBytes(f)));
    }
    assertThat(files).as("files scanned").isGreaterThan(100);
    assertThat(found)
        .as("paths outside the repository (copy what a test needs into test-data/)")
        .isEmpty();
  }

  @Test
  void escapes_namesFileLineAndWhy_forEachWayOut() {
    // the bad paths are assembled here, so that this file itself names none
    String up = "..";
    String root = "/";
    String twoUp = "Path outside = Path.of(\"" + up + "/" + up + "/elsewhere/external\");";
    String twoUpParts = "Path parts = Path.of(\"" + up + "\", \"" + up + "\", \"elsewhere\");";
    String absolute = "Path abs = Path.of(\"" + root + "srv/elsewhere/seeds\");";
    byte[] source =
        String.join(
                "\n",
                "Path ok = Path.of(\"../examples/poems-disseminated.yaml\");",
                twoUp,
                twoUpParts,
                absolute,
                "post(\"/cds-services/pcd-patient-view\", body);",
                "String home = System.getProperty(\"user.home\");")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(escapes("pcd-x/src/test/java/T.java", source))
        .containsExactly(
            "pcd-x/src/test/java/T.java:2: goes up two folders from a module, out of the repository: "
                + twoUp,
            "pcd-x/src/test/java/T.java:3: goes up two folders from a module, out of the repository: "
                + twoUpParts,
            "pcd-x/src/test/java/T.java:4: is an absolute path on one machine: " + absolute,
            "pcd-x/src/test/java/T.java:6: depends on the user's home folder:"
                + " String home = System.getProperty(\"user.home\");");
  }

  @Test
  void thirdPartyTestData_isByteForByteTheOrigin_andEveryFileIsListed()
      throws IOException, NoSuchAlgorithmException {
    Map<String, String> listed = new TreeMap<>();
    for (String line : Files.readAllLines(EXTERNAL.resolve("SHA256SUMS"))) {
      listed.put(line.substring(66).replaceFirst("^\\./", ""), line.substring(0, 64));
    }
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> s = Files.walk(EXTERNAL)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String name = EXTERNAL.relativize(f).toString().replace('\\', '/');
        if (!name.equals("README.md")
            && !name.equals("SHA256SUMS")
            && !name.startsWith("LICENSES/")) {
          byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
          actual.put(name, HexFormat.of().formatHex(sha));
        }
      }
    }
    assertThat(actual).as("test-data/external against its SHA256SUMS").isEqualTo(listed);
    String readme = Files.readString(EXTERNAL.resolve("README.md"));
    for (String name : listed.keySet()) {
      assertThat(readme)
          .as("README.md gives the origin and licence of " + name)
          .contains("`" + name.substring(0, name.indexOf('/')) + "/");
    }
  }

  /** Each module's test sources and resources, every pom and the Maven configuration. */
  private static List<Path> scanned() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> top = Files.list(ROOT)) {
      for (Path dir : top.filter(Files::isDirectory).sorted().toList()) {
        if (Files.isRegularFile(dir.resolve("pom.xml"))) {
          out.add(dir.resolve("pom.xml"));
        }
        if (Files.isDirectory(dir.resolve("src/test"))) {
          try (Stream<Path> s = Files.walk(dir.resolve("src/test"))) {
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
          }
        }
      }
    }
    out.add(ROOT.resolve("pom.xml"));
    try (Stream<Path> s = Files.walk(ROOT.resolve(".mvn"))) {
      s.filter(Files::isRegularFile).sorted().forEach(out::add);
    }
    // this file spells out the patterns it looks for
    out.removeIf(f -> f.getFileName().toString().equals("RepositoryStandsAloneTest.java"));
    out.removeIf(f -> f.getFileName().toString().endsWith(".jar"));
    return out;
  }

  /** "file:line: why: the line" for every line of {@code content} that leaves the repository. */
  static List<String> escapes(String file, byte[] content) {
    List<String> found = new ArrayList<>();
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (Map.Entry<String, Pattern> e : new TreeMap<>(ESCAPES).entrySet()) {
        if (e.getValue().matcher(lines[i]).find()) {
          found.add(file + ":" + (i + 1) + ": " + e.getKey() + ": " + lines[i].strip());
        }
      }
    }
    return found;
  }
}
