using System.Diagnostics;
using System.Globalization;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Cli.Bench;

/// <summary>
/// Single-precision GEMM throughput on a square 1024 problem: Perrin's packed kernel, and the BLAS behind the Python's
/// numpy (OpenBLAS on Debian) for the physical limit the issue compares against.
/// </summary>
internal static class GemmThroughput
{
    private const int Size = 1024;
    private const double Flop = 2.0 * Size * Size * Size;

    /// <summary>
    /// GFLOP/s per thread below which numpy's 1024³ SGEMM is taken for the unoptimized reference BLAS (3–5 GFLOP/s
    /// measured) rather than OpenBLAS (60–110 on the same cores).
    /// </summary>
    public const double OptimizedBlasFloorGflops = 20;

    public static double Measure(int threads)
    {
        var a = new float[Size * Size];
        var b = new float[Size * Size];
        var c = new float[Size * Size];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (i % 17) * 0.01f;
            b[i] = (i % 13) * 0.02f;
        }

        var best = double.MaxValue;
        for (var rep = 0; rep < 6; rep++)
        {
            var clock = Stopwatch.StartNew();
            Sgemm.Multiply(false, false, Size, Size, Size, 1f, a, Size, b, Size, 0f, c, Size, threads);
            if (rep > 0) best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return Flop / best / 1e9;
    }

    /// <summary>numpy's float32 matmul of the same size with the BLAS limited to <paramref name="threads"/>, or null without numpy.</summary>
    public static double? MeasureNumpy(string python, int threads)
    {
        const string Script =
            "import time, numpy as np\n" +
            "a = np.random.rand(1024, 1024).astype(np.float32); b = np.random.rand(1024, 1024).astype(np.float32)\n" +
            "best = 1e9\n" +
            "for i in range(6):\n" +
            "    t = time.perf_counter(); a @ b; d = time.perf_counter() - t\n" +
            "    best = min(best, d) if i else best\n" +
            "print(2 * 1024 ** 3 / best / 1e9)\n";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var name in new[] { "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
            start.Environment[name] = threads.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && double.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var gflops) ? gflops : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
