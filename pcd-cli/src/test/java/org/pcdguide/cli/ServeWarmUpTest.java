package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the {@code pcd} launcher keeps a class-data archive for {@code serve}, made by a
 * training run that starts the server, calls its own patient-view service with the bundled example
 * and stops. If that run broke, the launcher would quietly serve without the archive (a slower
 * start nobody notices): it must answer 200 and record the call like any other.
 */
class ServeWarmUpTest {
  @Test
  void exitAfterWarmUp_callsItsOwnPatientViewOnce_recordsIt_andExitsZero(@TempDir Path data) {
    String dir = data.resolve("data").toString();
    PcdTest.Run run =
        PcdTest.pcd(
            "serve",
            "--port",
            "0",
            "--insecure-no-auth",
            "--data-dir",
            dir,
            "--exit-after-warm-up");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("warm-up call answered [200, 200]");

    PcdTest.Run show = PcdTest.pcd("audit", "--data-dir", dir, "show");
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("pcd-patient-view");
  }

  @Test
  void threads_outOfRange_isRefusedWithExitCode2(@TempDir Path data) {
    PcdTest.Run run =
        PcdTest.pcd("serve", "--port", "0", "--threads", "2", "--data-dir", data.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--threads: '2' is not between 4 and 1024");
  }
}
