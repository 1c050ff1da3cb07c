namespace Perrin.Analysis.Plots;

/// <summary>Page size and axes of a <see cref="LinePlot"/>; unset limits follow the data.</summary>
public sealed record LinePlotOptions
{
    public double Width { get; init; } = 640;

    public double Height { get; init; } = 440;

    public bool LogX { get; init; }

    public bool LogY { get; init; }

    public double? XMin { get; init; }

    public double? XMax { get; init; }

    public double? YMin { get; init; }

    public double? YMax { get; init; }

    /// <summary>y grows downwards, as in image coordinates, so that a plot of positions looks like the frame.</summary>
    public bool InvertY { get; init; }
}
