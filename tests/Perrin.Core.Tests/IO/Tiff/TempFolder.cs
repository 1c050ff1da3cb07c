namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>A fresh folder per test class, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="inMemory">
    /// Use a RAM-backed folder where the system has one: tests that rewrite a small file thousands of times spend
    /// milliseconds per write on a disk and microseconds in memory.
    /// </param>
    public TempFolder(bool inMemory = false)
    {
        var root = inMemory && Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, "perrin-tiff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test must not hide that test's own error.
        }
    }
}
