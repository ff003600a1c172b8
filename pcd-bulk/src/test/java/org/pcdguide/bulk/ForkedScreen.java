package org.pcdguide.bulk;

import java.nio.file.Path;
import java.time.LocalDate;
import org.pcdguide.fhir.FhirResourceTypes;

/**
 * The embedded screen as its own process, so that a test can run it under a small heap ({@code
 * -Xmx}): {@code EXPORT OUT PARTITION_MB [extra limits]}; exit 0 when the run finished, 2 with the
 * message when it refused, 3 when it ran out of memory.
 */
final class ForkedScreen {
  private ForkedScreen() {}

  public static void main(String[] args) {
    try {
      ScreenRun run =
          new ScreenRun(
              args[0],
              Path.of(args[1]),
              LocalDate.of(2026, 11, 1),
              false,
              false,
              false,
              2,
              Long.parseLong(args[2]) << 20);
      ScreenSummary s =
          new EmbeddedScreen(
                  BundledKnowledge.pack(), BundledKnowledge.terminology(), FhirResourceTypes.r4())
              .run(run, ScreenRun.Progress.NONE);
      System.out.print(s.table());
      System.exit(0);
    } catch (OutOfMemoryError e) {
      System.err.println("out of memory");
      System.exit(3);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }
}
