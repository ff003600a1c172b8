package org.pcdguide.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Something outside the JVM that a tagged test needs, and how to tell that it is missing. */
public enum Prerequisite {
  /** Headless Chromium and its ChromeDriver, where Debian installs them. */
  CHROMIUM("chromium", "Chromium") {
    @Override
    Optional<String> missing(Map<String, String> env) {
      List<String> absent = new ArrayList<>();
      for (String file : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
        if (!Files.isExecutable(Path.of(file))) {
          absent.add(file);
        }
      }
      return absent.isEmpty()
          ? Optional.empty()
          : Optional.of(
              String.join(" and ", absent) + " not installed (Debian: chromium chromium-driver)");
    }
  },

  /** A PostgreSQL server that accepts the test's login. */
  POSTGRES("postgres", "PostgreSQL") {
    @Override
    Optional<String> missing(Map<String, String> env) {
      String url = env.getOrDefault(URL, "");
      if (url.isBlank()) {
        return Optional.of(URL + " is not set (and _USER, _PASSWORD)");
      }
      Properties login = new Properties();
      login.setProperty("user", env.getOrDefault(URL.replace("URL", "USER"), ""));
      login.setProperty("password", env.getOrDefault(URL.replace("URL", "PASSWORD"), ""));
      // a closed port must fail in seconds, not after the driver's default of minutes
      login.setProperty("connectTimeout", "5");
      login.setProperty("loginTimeout", "5");
      try (Connection c = DriverManager.getConnection(url, login)) {
        return Optional.empty();
      } catch (SQLException e) {
        return Optional.of("no PostgreSQL at " + url + ": " + e.getMessage());
      }
    }
  },

  /**
   * Apache Spark in local mode. Its jars come with the build; what can be missing is a JVM or a
   * network it starts on, which shows only when it starts: a failing set-up method of a {@link
   * NeedsSpark} test is taken as "Spark cannot start".
   */
  SPARK("spark", "Apache Spark") {
    @Override
    Optional<String> missing(Map<String, String> env) {
      return Optional.empty();
    }
  };

  /** The environment variable with the JDBC URL of the test database (.ci/run sets it). */
  public static final String URL = "PCD_TEST_POSTGRES_URL";

  private final String tag;
  private final String title;

  Prerequisite(String tag, String title) {
    this.tag = tag;
    this.title = title;
  }

  /** The JUnit tag of tests that need it (e.g. {@code -Dgroups=!chromium} leaves them out). */
  public String tag() {
    return tag;
  }

  String title() {
    return title;
  }

  /** Why it is not there, or empty when it is (as far as can be told before the test runs). */
  abstract Optional<String> missing(Map<String, String> env);
}
