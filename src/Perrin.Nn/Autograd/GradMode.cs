namespace Perrin.Nn.Autograd;

/// <summary>Whether operations record their backward; off inside a <see cref="NoGrad"/> scope (inference).</summary>
public static class GradMode
{
    [ThreadStatic] private static int _disabledDepth;

    /// <summary>True when new operations record the graph on this thread.</summary>
    public static bool IsEnabled => _disabledDepth == 0;

    /// <summary>Disables recording until the returned scope is disposed; scopes nest.</summary>
    public static NoGradScope NoGrad()
    {
        _disabledDepth++;
        return new NoGradScope();
    }

    internal static void Leave() => _disabledDepth--;
}
