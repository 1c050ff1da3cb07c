namespace Perrin.Nn.Backends;

/// <summary>The backend that tensor operations use; the CPU backend with every core unless set.</summary>
public static class Backend
{
    private static IBackend _current = new CpuBackend(Environment.ProcessorCount);

    /// <summary>The backend in use.</summary>
    public static IBackend Current
    {
        get => _current;
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Switches to the CPU backend with <paramref name="threads"/> workers.</summary>
    public static void UseCpu(int threads) => Current = new CpuBackend(threads);
}
