namespace Perrin.Nn.Autograd;

/// <summary>Restores gradient recording when disposed.</summary>
public readonly struct NoGradScope : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => GradMode.Leave();
}
