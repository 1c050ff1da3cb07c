using System.Numerics;

namespace Perrin.Simulation.Coherent;

/// <summary>Per-thread buffers of one coherent image, grown on demand and reused, so rendering allocates nothing.</summary>
internal sealed class CoherentWorkspace
{
    [ThreadStatic]
    private static CoherentWorkspace? _current;

    public Complex[] Spectrum { get; private set; } = [];

    public Complex[] Field { get; private set; } = [];

    public Complex[] Window { get; private set; } = [];

    public Complex[] Lines { get; private set; } = [];

    public Complex[] Band { get; private set; } = [];

    public float[] Phase { get; private set; } = [];

    /// <summary>A window's field in single precision (<see cref="WindowSynthesis"/> layout), real and imaginary parts.</summary>
    public float[] FieldRe { get; private set; } = [];

    public float[] FieldIm { get; private set; } = [];

    /// <summary>One sphere's quarter table (<see cref="MieSpectrum.Centred"/>).</summary>
    public float[] QuarterRe { get; private set; } = [];

    public float[] QuarterIm { get; private set; } = [];

    /// <summary>The image's spectrum on the grid's pupil.</summary>
    public PupilSpectrum? Pupil { get; private set; }

    /// <summary>This thread's workspace, sized for the grid and a width × height window.</summary>
    public static CoherentWorkspace For(AngularSpectrum grid, int width, int height, bool multislice)
    {
        var workspace = _current ??= new CoherentWorkspace();
        int area = grid.Width * grid.Height;
        if (workspace.Pupil?.Layout != grid.Pupil)
        {
            workspace.Pupil = new PupilSpectrum(grid.Pupil);
        }

        workspace.Spectrum = Grow(workspace.Spectrum, area);
        int field = WindowSynthesis.StrideFor(width) * height;
        workspace.FieldRe = Grow(workspace.FieldRe, field);
        workspace.FieldIm = Grow(workspace.FieldIm, field);
        int quarter = grid.Pupil.QuarterRows * grid.Pupil.QuarterColumns;
        workspace.QuarterRe = Grow(workspace.QuarterRe, quarter);
        workspace.QuarterIm = Grow(workspace.QuarterIm, quarter);
        workspace.Window = Grow(workspace.Window, width * height);
        workspace.Lines = Grow(workspace.Lines, grid.Width + grid.Height);
        workspace.Band = Grow(workspace.Band, BandLimitedSynthesis.BandRows(grid) * width);
        if (multislice)
        {
            workspace.Field = Grow(workspace.Field, area);
            if (workspace.Phase.Length < area)
            {
                workspace.Phase = new float[area];
            }
        }

        return workspace;
    }

    private static Complex[] Grow(Complex[] buffer, int length) => buffer.Length >= length ? buffer : new Complex[length];

    private static float[] Grow(float[] buffer, int length) => buffer.Length >= length ? buffer : new float[length];
}
