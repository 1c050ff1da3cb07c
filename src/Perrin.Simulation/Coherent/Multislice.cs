using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// Multislice (split-step) propagation of the incident plane wave through transparent bodies. The light travels
/// from large z (away from the objective) towards the focal plane z = 0. The bodies' depth range is cut into slabs
/// of <c>sliceNm</c>; each slab is a thin phase screen exp(i·k₀·Δn·t) at its mid-plane, with t the thickness of
/// body inside the slab (<see cref="Scatterers.Shapes.IShape.AddSlab"/>, pixel-averaged) and k₀ = 2π/λ, and the
/// field is carried between screens and on to the focal plane by <see cref="AngularSpectrum"/>
/// propagation relative to the plane wave (unlimited by the NA: the objective only acts at the end). Slabs
/// that no body reaches cost nothing. Shapes are placed on the grid itself, in grid pixels.
/// </summary>
public static class Multislice
{
    /// <summary>Most slabs one image may need; more is a recipe mistake (a body far too deep or slices far too thin).</summary>
    public const int MaxSlabs = 100_000;

    /// <summary>
    /// Adds the imaged scattered field of the bodies (pupil applied, incident wave removed) to a spectrum in the
    /// convention of <see cref="BandLimitedSynthesis"/> (the un-normalized inverse DFT is the field relative to the
    /// incident wave). <paramref name="field"/> (grid size) and <paramref name="phase"/> (grid size) are scratch.
    /// </summary>
    public static void AddScattered(
        AngularSpectrum grid, ReadOnlySpan<PhaseBody> bodies, double sliceNm, Span<Complex> spectrum, Span<Complex> field, Span<float> phase)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int area = grid.Width * grid.Height;
        if (spectrum.Length != area || field.Length < area || phase.Length < area)
        {
            throw new ArgumentException($"The spectrum and scratch buffers must hold {grid.Width}×{grid.Height} samples.", nameof(spectrum));
        }

        if (!(sliceNm > 0 && double.IsFinite(sliceNm)))
        {
            throw new ArgumentOutOfRangeException(nameof(sliceNm), sliceNm, "The slab thickness must be positive and finite.");
        }

        if (bodies.IsEmpty)
        {
            return;
        }

        field = field[..area];
        phase = phase[..area];
        double top = double.NegativeInfinity, bottom = double.PositiveInfinity;
        foreach (var body in bodies)
        {
            (double low, double high) = body.Shape.DepthExtent;
            top = Math.Max(top, high);
            bottom = Math.Min(bottom, low);
        }

        double slabs = Math.Ceiling((top - bottom) / sliceNm);
        if (!(slabs >= 0 && slabs <= MaxSlabs))
        {
            throw new ArgumentException($"The bodies span {top - bottom} nm, {slabs} slabs of {sliceNm} nm; at most {MaxSlabs} are allowed.", nameof(sliceNm));
        }

        double k0 = 2 * Math.PI / grid.WavelengthNm;
        field.Fill(Complex.One);
        bool scattered = false;
        double plane = top;
        for (int s = 0; s < Math.Max(1, (int)slabs); s++)
        {
            double high = top - (s * sliceNm);
            double low = high - sliceNm;
            phase.Clear();
            bool any = false;
            foreach (var body in bodies)
            {
                (double bodyLow, double bodyHigh) = body.Shape.DepthExtent;
                if (bodyHigh >= low && bodyLow < high && body.IndexContrast != 0)
                {
                    body.Shape.AddSlab(phase, grid.Width, grid.Height, low, high, k0 * body.IndexContrast);
                    any = true;
                }
            }

            if (!any)
            {
                continue;
            }

            double middle = high - (sliceNm / 2);
            if (scattered)
            {
                Propagate(grid, field, plane - middle);
            }

            plane = middle;
            for (int i = 0; i < area; i++)
            {
                float p = phase[i];
                if (p != 0)
                {
                    (double sin, double cos) = Math.SinCos(p);
                    field[i] *= new Complex(cos, sin);
                    scattered = true;
                }
            }
        }

        if (!scattered)
        {
            return;
        }

        Fft2D.Forward(field, grid.Height, grid.Width);
        field[0] -= area;
        grid.PropagateSpectrum(field, plane, relativeToPlaneWave: true);
        grid.ApplyPupil(field);
        double scale = 1.0 / area;
        for (int i = 0; i < area; i++)
        {
            spectrum[i] += field[i] * scale;
        }
    }

    private static void Propagate(AngularSpectrum grid, Span<Complex> field, double distanceNm)
    {
        Fft2D.Forward(field, grid.Height, grid.Width);
        grid.PropagateSpectrum(field, distanceNm, relativeToPlaneWave: true);
        Fft2D.Inverse(field, grid.Height, grid.Width);
    }
}
