namespace Perrin.Analysis.Plots;

/// <summary>
/// One line of a <see cref="LinePlot"/>: points (x[i], y[i]) joined in order, non-finite points left out. A series
/// without a label is drawn but not listed in the legend.
/// </summary>
public sealed record LineSeries(string? Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, string Colour)
{
    public double StrokeWidth { get; init; } = 2;

    /// <summary>Marks each point with a small square, for series of a few measured points.</summary>
    public bool Markers { get; init; } = true;

    public double Opacity { get; init; } = 1;
}
