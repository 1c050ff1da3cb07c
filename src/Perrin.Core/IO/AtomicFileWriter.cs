namespace Perrin.Core.IO;

/// <summary>
/// Writes a file under a temporary name in the target's folder and renames it over the target only on
/// <see cref="Commit"/>. A crash, an exception or a kill while writing never leaves a half-written file
/// under the target name, and an existing file stays intact until the new one is complete.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    public AtomicFileWriter(string path, int bufferSize = 1 << 16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        TargetPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(TargetPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{path}: the folder '{folder}' does not exist");
        }

        TemporaryPath = Path.Combine(folder, $".{Path.GetFileName(TargetPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize);
    }

    public string TargetPath { get; }

    public string TemporaryPath { get; }

    /// <summary>The stream to write to; it is seekable so that headers can be patched after the data.</summary>
    public Stream Stream => _disposed ? throw new ObjectDisposedException(nameof(AtomicFileWriter)) : _stream;

    /// <summary>Flushes to disk and moves the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TemporaryPath, TargetPath, overwrite: true);
        _committed = true;
        _disposed = true;
    }

    /// <summary>Writes a whole file atomically through <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var writer = new AtomicFileWriter(path);
        write(writer.Stream);
        writer.Commit();
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _stream.Dispose();
            _disposed = true;
        }

        if (!_committed)
        {
            try
            {
                File.Delete(TemporaryPath);
            }
            catch (IOException)
            {
                // The target was never touched; a stray temporary file is the lesser harm.
            }
        }
    }
}
