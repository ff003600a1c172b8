import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds' {@code CdsCallBenchmark.mapAssessAndCards} in one JVM, each benchmark jar in its own
 * class loader, measured in alternating rounds of thread CPU time. On a machine whose speed drifts
 * by 15-50% between runs, both builds see the same drift, so the ratio per round is what to read.
 *
 * <pre>
 * ./mvnw -B -q -pl pcd-bench -am package -DskipTests   # then keep a copy of the jar per build
 * java -Dreq=poems pcd-bench/ab/CdsCallAB.java A.jar B.jar [rounds]   # from the repository root
 * </pre>
 *
 * {@code req} is the benchmark's {@code requestName} ({@code poems} or {@code peer}; a jar from
 * before that parameter has only the POEMS request); {@code method} the benchmark method measured
 * ({@code mapAssessAndCards} by default, or {@code wholeCall}: parse, map, assess, cards, the
 * recorded call and both hashes). 15 s of warm-up calls to both, then {@code
 * rounds} (default 40) rounds of 2,000 calls each, A and B first in turn. Prints the median and
 * minimum microseconds per call of each, and the median and quartiles of B/A over the rounds.
 */
public final class CdsCallAB {
  private CdsCallAB() {}

  private static MethodHandle call(String jar, String request, String method) throws Throwable {
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass("org.pcdguide.server.CdsCallBenchmark");
    Object benchmark = type.getDeclaredConstructor().newInstance();
    try {
      var field = type.getDeclaredField("requestName");
      field.setAccessible(true);
      field.set(benchmark, request);
    } catch (NoSuchFieldException e) {
      if (!request.equals("poems")) {
        throw new IllegalArgumentException(jar + " has no request parameter: only poems", e);
      }
    }
    type.getMethod("setup").invoke(benchmark);
    Class<?> returns = type.getMethod(method).getReturnType();
    return MethodHandles.publicLookup()
        .findVirtual(type, method, MethodType.methodType(returns))
        .bindTo(benchmark);
  }

  private static double perCall(MethodHandle h, ThreadMXBean cpu, int calls) throws Throwable {
    long start = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object unused = h.invoke();
    }
    return (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: java [-Dreq=poems|peer] [-Dmethod=wholeCall] CdsCallAB.java A.jar B.jar [rounds]");
      System.exit(2);
    }
    String request = System.getProperty("req", "poems");
    String method = System.getProperty("method", "mapAssessAndCards");
    MethodHandle a = call(args[0], request, method);
    MethodHandle b = call(args[1], request, method);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long warm = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < warm) {
      perCall(a, cpu, 200);
      perCall(b, cpu, 200);
    }
    double[] ta = new double[rounds];
    double[] tb = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 0) {
        ta[r] = perCall(a, cpu, 2000);
        tb[r] = perCall(b, cpu, 2000);
      } else {
        tb[r] = perCall(b, cpu, 2000);
        ta[r] = perCall(a, cpu, 2000);
      }
      ratio[r] = tb[r] / ta[r];
    }
    Arrays.sort(ta);
    Arrays.sort(tb);
    Arrays.sort(ratio);
    System.out.printf(
        "%s %s: A %s %.1f us (min %.1f), B %s %.1f us (min %.1f), B/A %.2f (quartiles %.2f-%.2f)%n",
        request,
        method,
        Path.of(args[0]).getFileName(),
        ta[rounds / 2],
        ta[0],
        Path.of(args[1]).getFileName(),
        tb[rounds / 2],
        tb[0],
        ratio[rounds / 2],
        ratio[rounds / 4],
        ratio[3 * rounds / 4]);
  }
}
