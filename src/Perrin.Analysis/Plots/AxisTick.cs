namespace Perrin.Analysis.Plots;

/// <summary>A tick mark at <see cref="Value"/>; minor ticks carry no label (empty string).</summary>
public readonly record struct AxisTick(double Value, string Label, bool Major);
