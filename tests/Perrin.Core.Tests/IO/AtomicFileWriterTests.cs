using Perrin.Core.IO;

namespace Perrin.Core.Tests.IO;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("perrin-atomic-").FullName;

    [Fact]
    public void NothingAppearsUnderTheTargetNameUntilCommit()
    {
        var target = Path.Combine(_folder, "out.bin");
        using (var writer = new AtomicFileWriter(target))
        {
            writer.Stream.Write([1, 2, 3]);
            Assert.False(File.Exists(target));
            Assert.True(File.Exists(writer.TemporaryPath));
            writer.Commit();
        }

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(target));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void AFailureWhileWritingKeepsTheOldFileAndLeavesNoTemporaryFile()
    {
        var target = Path.Combine(_folder, "keep.bin");
        File.WriteAllBytes(target, [9, 9]);

        Assert.Throws<InvalidOperationException>(() => AtomicFileWriter.Write(target, stream =>
        {
            stream.Write([1, 2, 3, 4]);
            throw new InvalidOperationException("interrupted");
        }));

        Assert.Equal(new byte[] { 9, 9 }, File.ReadAllBytes(target));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void CommitReplacesAnExistingFile()
    {
        var target = Path.Combine(_folder, "replace.bin");
        File.WriteAllBytes(target, [9, 9, 9, 9, 9]);
        AtomicFileWriter.Write(target, stream => stream.Write([7]));
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(target));
    }

    [Fact]
    public void AMissingFolderIsReportedByName()
    {
        var target = Path.Combine(_folder, "no-such-folder", "x.bin");
        var error = Assert.Throws<DirectoryNotFoundException>(() => new AtomicFileWriter(target));
        Assert.Contains("no-such-folder", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
