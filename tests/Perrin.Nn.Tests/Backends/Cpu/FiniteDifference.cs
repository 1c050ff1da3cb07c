namespace Perrin.Nn.Tests.Backends.Cpu;

internal static class FiniteDifference
{
    /// <summary>
    /// Compares <paramref name="gradient"/> with central differences of <paramref name="loss"/> at a spread of
    /// entries of <paramref name="parameter"/> (step 1e-2; tolerance 2e-3 + 1e-3·|gradient|).
    /// </summary>
    public static void Check(float[] parameter, float[] gradient, Func<double> loss, string what, double step = 1e-2,
        double absolute = 2e-3, double relative = 1e-3)
    {
        var stride = Math.Max(1, parameter.Length / 23);
        for (var i = 0; i < parameter.Length; i += stride)
        {
            var saved = parameter[i];
            parameter[i] = saved + (float)step;
            var up = loss();
            parameter[i] = saved - (float)step;
            var down = loss();
            parameter[i] = saved;
            var actualStep = ((double)(saved + (float)step) - (saved - (float)step)) / 2;
            var numeric = (up - down) / (2 * actualStep);
            var tolerance = absolute + relative * Math.Abs(gradient[i]);
            if (Math.Abs(numeric - gradient[i]) > tolerance)
                Assert.Fail($"{what} gradient at {i}: analytic {gradient[i]}, central difference {numeric}.");
        }
    }
}
