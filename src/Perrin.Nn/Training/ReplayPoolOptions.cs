namespace Perrin.Nn.Training;

/// <summary>
/// A replay pool for training data that costs more to make than a training step (see <see cref="ReplayPoolStream"/>).
/// </summary>
/// <param name="Size">Samples kept, P.</param>
/// <param name="Refresh">Samples replaced by new ones before each step, R (at most P).</param>
/// <param name="TransformTargets">
/// The targets are plane maps that move with the image (masks, heatmaps, densities): each drawn sample then gets a
/// random flip or transpose, the same on input and target, when both are square. Otherwise samples are used as made.
/// </param>
public sealed record ReplayPoolOptions(int Size, int Refresh, bool TransformTargets)
{
    public const int MaxSize = 1_000_000;

    public void Validate()
    {
        if (Size is < 1 or > MaxSize) throw new ArgumentException($"ReplayPoolOptions: Size {Size} must be in [1, {MaxSize}].");
        if (Refresh < 0 || Refresh > Size) throw new ArgumentException($"ReplayPoolOptions: Refresh {Refresh} must be in [0, Size = {Size}].");
    }

    /// <summary>For checkpoints, which refuse to resume with another pool.</summary>
    public override string ToString() => $"{Size},{Refresh},{(TransformTargets ? "dihedral" : "none")}";
}
