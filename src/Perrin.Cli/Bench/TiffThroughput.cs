using System.Diagnostics;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;

namespace Perrin.Cli.Bench;

/// <summary>
/// Writes a multi-page TIFF of a given size and streams it back frame by frame, measuring throughput and the
/// peak memory of the read, which must stay bounded whatever the file size.
/// </summary>
internal static class TiffThroughput
{
    public static TiffThroughputResult Measure(string folder, long megabytes, int side, TiffCompression compression, Action<long, long>? progress)
    {
        const PixelType type = PixelType.UInt16;
        var frameBytes = (long)side * side * type.BytesPerSample();
        var frames = (int)Math.Max(1, megabytes * 1024 * 1024 / frameBytes);
        var path = Path.Combine(folder, $"perrin-bench-io-{Environment.ProcessId}.tif");
        var frame = new ushort[side * side];
        try
        {
            var write = Stopwatch.StartNew();
            var options = new TiffWriteOptions { Compression = compression, ExpectedFrameCount = frames };
            using (var writer = TiffWriter.Create(path, side, side, type, options))
            {
                var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(frame.AsSpan());
                for (var f = 0; f < frames; f++)
                {
                    FillFrame(frame, side, f);
                    writer.WriteFrameRaw(raw);
                    progress?.Invoke(f + 1, 2L * frames);
                }

                writer.Complete();
            }

            write.Stop();
            var fileBytes = new FileInfo(path).Length;

            var result = MeasureRead(path, (done, total) => progress?.Invoke(frames + done, 2L * frames));
            var dataMb = frames * frameBytes / (1024.0 * 1024.0);
            return result with { WriteMbPerS = dataMb / write.Elapsed.TotalSeconds };
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Streams every frame of an existing TIFF to float32; the write rate is left at zero.</summary>
    public static TiffThroughputResult MeasureRead(string path, Action<long, long>? progress)
    {
        GC.Collect();
        ProcessMemory.ResetPeak();
        var read = Stopwatch.StartNew();
        double checksum = 0;
        using var reader = TiffReader.Open(path);
        var pixels = new float[reader.Width * reader.Height];
        for (var f = 0; f < reader.FrameCount; f++)
        {
            reader.ReadFrame(f, pixels);
            checksum += pixels[(int)((f * 7919L) % pixels.Length)];
            progress?.Invoke(f + 1, reader.FrameCount);
        }

        read.Stop();
        var dataMb = (double)reader.FrameCount * reader.Width * reader.Height * reader.PixelType.BytesPerSample() / (1024.0 * 1024.0);
        var info = reader.Info;
        return new TiffThroughputResult(
            reader.FrameCount, reader.Width, reader.Height, reader.PixelType.ShortName(), info.Compression, info.FileLength, null, dataMb / read.Elapsed.TotalSeconds, ProcessMemory.PeakResidentMb(), checksum);
    }

    // A cheap pattern that changes every frame, so that compression and caching see realistic, non-constant data.
    private static void FillFrame(ushort[] frame, int side, int f)
    {
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var v = (uint)((x * 31) ^ (y * 17) ^ (f * 101)) * 2654435761u;
                frame[(y * side) + x] = (ushort)(100 + ((x + y + f) & 0xFF) + (v >> 28));
            }
        }
    }
}
