namespace Perrin.Analysis.Plots;

/// <summary>One named line of a <see cref="SeriesPlot"/>: points (X[i], Y[i]) in data units, drawn in <see cref="Colour"/> (any SVG colour).</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string Colour);
