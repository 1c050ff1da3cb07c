using System.Globalization;

namespace Perrin.Cli.Bench;

/// <summary>Peak resident memory of this process, read from Linux's /proc; elsewhere the runtime's working-set peak.</summary>
internal static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>Starts a new peak measurement (Linux resets VmHWM when "5" is written to clear_refs).</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the reset the peak covers the whole process, which only overstates it.
        }
    }

    public static double PeakResidentMb()
    {
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
