using System.Diagnostics;

namespace Perrin.Nn.Tests.Serialization;

/// <summary>A fact that is skipped unless /usr/bin/python3 can import the given modules.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public PythonFactAttribute(params string[] modules)
    {
        if (!CanImport(modules))
        {
            Skip = $"{Python} with {string.Join(", ", modules)} is not available";
        }
    }

    private static bool CanImport(string[] modules)
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import " + string.Join(", ", modules)])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
