namespace Perrin.Analysis.Detection;

/// <summary>
/// A local maximum of a map. <see cref="Column"/> and <see cref="Row"/> index the winning pixel; <see cref="X"/> and
/// <see cref="Y"/> are the refined position in map pixels with (0, 0) at the centre of the first pixel.
/// </summary>
public readonly record struct Peak(int Column, int Row, float Value, double X, double Y);
