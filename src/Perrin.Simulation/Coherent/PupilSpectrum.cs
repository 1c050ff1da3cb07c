using System.Numerics;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// A spectrum that is zero outside the objective's NA, held in single precision on its <see cref="PupilLayout"/>
/// table (real and imaginary parts apart, row-major) rather than on the whole grid: what an imaged field needs, in
/// a few kilobytes. Bins of the table outside the NA stay zero. Not thread-safe; one per thread.
/// </summary>
public sealed class PupilSpectrum
{
    public PupilSpectrum(PupilLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        Real = new float[layout.Rows * layout.Columns];
        Imaginary = new float[Real.Length];
    }

    public PupilLayout Layout { get; }

    /// <summary>Real parts, <see cref="PupilLayout.Rows"/> × <see cref="PupilLayout.Columns"/>.</summary>
    public float[] Real { get; }

    /// <summary>Imaginary parts, laid out as <see cref="Real"/>.</summary>
    public float[] Imaginary { get; }

    public void Clear()
    {
        Array.Clear(Real);
        Array.Clear(Imaginary);
    }

    /// <summary>Adds the unit plane wave (bin 0), whose un-normalized inverse DFT is 1 everywhere.</summary>
    public void AddPlaneWave() => Real[Layout.IndexOf(0, 0)] += 1;

    /// <summary>Adds the bins inside the NA of a whole-grid spectrum (row-major, grid width × height).</summary>
    public void Add(ReadOnlySpan<Complex> spectrum)
    {
        var grid = Layout.Grid;
        RequireGrid(spectrum.Length);
        for (int b = 0; b < Layout.Rows; b++)
        {
            int line = Layout.GridRow(b) * grid.Width;
            for (int k = Layout.Start(b); k < Layout.End(b); k++)
            {
                Complex v = spectrum[line + Layout.GridColumn(k)];
                int i = (b * Layout.Columns) + k;
                Real[i] += (float)v.Real;
                Imaginary[i] += (float)v.Imaginary;
            }
        }
    }

    /// <summary>
    /// Writes the spectrum onto a whole grid: the rows the pupil reaches are overwritten (zero outside the NA), the
    /// others are left as they are (<see cref="BandLimitedSynthesis.Inverse"/> reads only those rows).
    /// </summary>
    public void CopyTo(Span<Complex> spectrum)
    {
        var grid = Layout.Grid;
        RequireGrid(spectrum.Length);
        for (int b = 0; b < Layout.Rows; b++)
        {
            int line = Layout.GridRow(b) * grid.Width;
            spectrum.Slice(line, grid.Width).Clear();
            for (int k = Layout.Start(b); k < Layout.End(b); k++)
            {
                int i = (b * Layout.Columns) + k;
                spectrum[line + Layout.GridColumn(k)] = new Complex(Real[i], Imaginary[i]);
            }
        }
    }

    private void RequireGrid(int length)
    {
        if (length != Layout.Grid.Width * Layout.Grid.Height)
        {
            throw new ArgumentException($"Expected {Layout.Grid.Width}×{Layout.Grid.Height} samples, got {length}.");
        }
    }
}
