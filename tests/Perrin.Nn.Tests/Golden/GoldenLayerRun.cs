using Perrin.Nn.Layers;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Golden;

/// <summary>
/// Runs a module on a golden case the way the fixture was made: state from the file, forward on "input",
/// backward of "grad_output", then compares output, grad_input, grad.&lt;param&gt; and after.&lt;buffer&gt;.
/// </summary>
public static class GoldenLayerRun
{
    /// <summary>Checks <paramref name="module"/> against <paramref name="caseName"/>; writes the largest errors to <paramref name="log"/>.</summary>
    public static void Check(string caseName, Module module, ITestOutputHelper log, double tolerance = GoldenCase.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(log);
        var gc = GoldenCase.Load(caseName);
        gc.LoadInto(module);
        if (gc.IsEval) module.Eval();
        var x = gc.Read("input", requiresGrad: true);
        var y = module.Forward(x);
        Report(log, gc, "output", gc.AssertClose("output", y, tolerance));
        y.Backward(gc.Read("grad_output"));
        Report(log, gc, "grad_input", gc.AssertClose("grad_input", x.Grad!, tolerance));
        foreach (var (name, p) in module.NamedParameters())
        {
            Assert.NotNull(p.Grad);
            Report(log, gc, "grad." + name, gc.AssertClose("grad." + name, p.Grad!, tolerance));
        }
        foreach (var (name, b) in module.NamedBuffers())
            if (gc.Has("after." + name)) Report(log, gc, "after." + name, gc.AssertClose("after." + name, b, tolerance));
    }

    /// <summary>Writes one comparison's largest error.</summary>
    public static void Report(ITestOutputHelper log, GoldenCase gc, string name, double maxError)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(gc);
        log.WriteLine($"{gc.Name}/{name}: max |error| {maxError:G3}");
    }
}
