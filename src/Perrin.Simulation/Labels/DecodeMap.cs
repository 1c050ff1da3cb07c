using System.Buffers;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// DECODE-style target maps at image resolution. Channels, in order: p (1 in the pixel whose centre is nearest
/// the emitter, 0 elsewhere), dx and dy (the emitter's offset from that pixel's centre, in pixels, in
/// [−0.5, 0.5)), then photons / <see cref="PhotonScale"/> when <see cref="IncludePhotons"/>, then
/// z / <see cref="ZScaleNm"/> (z in nm) when <see cref="IncludeZ"/>; all zero where p is 0, and NaN photons or
/// z are written as 0. When several emitters fall in one pixel the brightest keeps it (the earliest among equals;
/// NaN photons lose to any number) and the others are counted in <see cref="DecodeRenderStats.Collisions"/>.
/// Offsets are stored as floats: a position comes back exactly from <see cref="Decode"/> when its offset is a
/// float (for instance on a grid of 2⁻²⁰ pixel), otherwise within float rounding; an offset that would round
/// up to +0.5 is stored as the float just below.
/// </summary>
public sealed class DecodeMap : ILabel
{
    public const int ProbabilityChannel = 0;
    public const int OffsetXChannel = 1;
    public const int OffsetYChannel = 2;

    public DecodeMap(bool includePhotons = true, bool includeZ = false, double photonScale = 1, double zScaleNm = 1)
    {
        if (!double.IsFinite(photonScale) || photonScale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(photonScale), photonScale, "the photon scale must be a positive number");
        }

        if (!double.IsFinite(zScaleNm) || zScaleNm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(zScaleNm), zScaleNm, "the z scale must be a positive number of nanometres");
        }

        IncludePhotons = includePhotons;
        IncludeZ = includeZ;
        PhotonScale = photonScale;
        ZScaleNm = zScaleNm;
    }

    public string Name => LabelNames.Decode;

    public int Channels => 3 + (IncludePhotons ? 1 : 0) + (IncludeZ ? 1 : 0);

    public bool IncludePhotons { get; }

    public bool IncludeZ { get; }

    /// <summary>The photons channel holds photons divided by this.</summary>
    public double PhotonScale { get; }

    /// <summary>The z channel holds z in nm divided by this (1: nanometres).</summary>
    public double ZScaleNm { get; }

    /// <summary>Index of the photons channel, or −1.</summary>
    public int PhotonChannel => IncludePhotons ? 3 : -1;

    /// <summary>Index of the z channel, or −1.</summary>
    public int ZChannel => IncludeZ ? Channels - 1 : -1;

    /// <summary>Whether particles that are off count too.</summary>
    public bool IncludeOff { get; init; }

    public (int Width, int Height) OutputSize(int width, int height) => LabelGrid.Scaled(width, height, 1, Channels);

    void ILabel.Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination) =>
        Render(truth, width, height, destination);

    /// <summary>Renders the maps (see <see cref="ILabel.Render"/>) and says how many emitters were placed, dropped and outside.</summary>
    public DecodeRenderStats Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        LabelGrid.Prepare(this, width, height, destination);
        var plane = width * height;
        var owner = ArrayPool<int>.Shared.Rent(plane);
        try
        {
            var (placed, collisions, outside) = (0, 0, 0);
            for (var i = 0; i < truth.Length; i++)
            {
                ref readonly var p = ref truth[i];
                if (!LabelGrid.Counts(p, IncludeOff))
                {
                    continue;
                }

                if (!TryPixel(p, width, height, out var col, out var row))
                {
                    outside++;
                    continue;
                }

                // p doubles as the occupancy flag, so the pooled owner array never needs clearing.
                var q = (row * width) + col;
                if (destination[q] == 0)
                {
                    destination[q] = 1;
                    owner[q] = i;
                    placed++;
                }
                else
                {
                    collisions++;
                    if (Brightness(p) > Brightness(truth[owner[q]]))
                    {
                        owner[q] = i;
                    }
                }
            }

            for (var i = 0; i < truth.Length; i++)
            {
                ref readonly var p = ref truth[i];
                if (LabelGrid.Counts(p, IncludeOff) && TryPixel(p, width, height, out var col, out var row) && owner[(row * width) + col] == i)
                {
                    Write(p, col, row, plane, (row * width) + col, destination);
                }
            }

            return new DecodeRenderStats(placed, collisions, outside);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(owner);
        }
    }

    /// <summary>
    /// Reads positions back from maps laid out as <see cref="Render"/> writes them: one particle per pixel whose
    /// p is at least <paramref name="threshold"/>, in row-major pixel order, with photons and z when the maps carry them.
    /// </summary>
    public ParticleTruth[] Decode(ReadOnlySpan<float> maps, int width, int height, float threshold = 0.5f)
    {
        var (w, h) = OutputSize(width, height);
        var plane = w * h;
        if (maps.Length < plane * Channels)
        {
            throw new ArgumentException($"the maps hold {maps.Length} floats; {Channels} channels of {w}×{h} need {plane * Channels}", nameof(maps));
        }

        var found = new List<ParticleTruth>();
        for (var q = 0; q < plane; q++)
        {
            if (!(maps[q] >= threshold))
            {
                continue;
            }

            var col = q % w;
            var row = q / w;
            found.Add(new ParticleTruth(col + (double)maps[(OffsetXChannel * plane) + q], row + (double)maps[(OffsetYChannel * plane) + q])
            {
                Photons = IncludePhotons ? maps[(PhotonChannel * plane) + q] * PhotonScale : double.NaN,
                Z = IncludeZ ? maps[(ZChannel * plane) + q] * ZScaleNm : 0,
            });
        }

        return [.. found];
    }

    private static bool TryPixel(in ParticleTruth p, int width, int height, out int col, out int row)
    {
        row = 0;
        return LabelGrid.TryBin(p.X, 1, width, out col) && LabelGrid.TryBin(p.Y, 1, height, out row);
    }

    private static double Brightness(in ParticleTruth p) => double.IsNaN(p.Photons) ? double.NegativeInfinity : p.Photons;

    private void Write(in ParticleTruth p, int col, int row, int plane, int q, Span<float> destination)
    {
        destination[(OffsetXChannel * plane) + q] = Offset(p.X, col);
        destination[(OffsetYChannel * plane) + q] = Offset(p.Y, row);
        if (IncludePhotons)
        {
            destination[(PhotonChannel * plane) + q] = ZeroIfNaN(p.Photons / PhotonScale);
        }

        if (IncludeZ)
        {
            destination[(ZChannel * plane) + q] = ZeroIfNaN(p.Z / ZScaleNm);
        }
    }

    // Exact in double (the position is within half a pixel of the integer); only the float conversion rounds.
    private static float Offset(double position, int pixel)
    {
        var offset = (float)(position - pixel);
        return offset >= 0.5f ? MathF.BitDecrement(0.5f) : offset;
    }

    private static float ZeroIfNaN(double value) => double.IsNaN(value) ? 0 : (float)value;
}
