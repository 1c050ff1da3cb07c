using Perrin.Core.Randomness;
using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Tests.Properties;

public class PropertyGraphTests
{
    private static PropertyDefinition Def(string path, PropertySpec spec, ValueRange? range = null) => new(path, spec, range);

    private static RepeatedGroup Group(string prefix, PropertySpec count, params PropertyDefinition[] members) =>
        new(prefix, count, new ValueList<PropertyDefinition>(members));

    private static readonly PropertyDefinition[] Globals =
    [
        Def("image.width", 64.0),
        Def("image.height", 64.0),
        Def("optics.na", Spec.Uniform(1.2, 1.45)),
        Def("optics.wavelength_nm", 680.0),
        Def("optics.pixel_size_nm", 100.0),
        Def("optics.width_nm", Spec.Expression("0.21 * wavelength_nm / na")),
    ];

    private static readonly RepeatedGroup[] Groups =
    [
        Group("sample[0]", Spec.Poisson(20),
            Def("brightness", Spec.Expression("photons / sample[0].count")),
            Def("photons", Spec.LogUniform(500, 10000)),
            Def("x", Spec.Uniform(0, 64)),
            Def("sigma", Spec.Expression("optics.width_nm + x / 100"))),
        Group("sample[1]", 1.0, Def("z", Spec.Normal(0, 200))),
    ];

    private static PropertyGraph Build(IEnumerable<PropertyDefinition>? globals = null, IEnumerable<RepeatedGroup>? groups = null) =>
        PropertyGraph.Build(globals ?? Globals, groups ?? Groups);

    private static double[] Snapshot(ResolvedProperties p)
    {
        var values = new List<double> { p.Number("optics.na"), p.Number("optics.width_nm"), p.Number("sample[1].z") };
        var g = p.Group("sample[0]");
        for (var i = 0; i < g.Count; i++)
        {
            values.AddRange([g.Number(i, "photons"), g.Number(i, "x"), g.Number(i, "sigma"), g.Number(i, "brightness")]);
        }

        return [.. values];
    }

    [Fact]
    public void DerivedValuesFollowTheirDependenciesWhateverTheDefinitionOrder()
    {
        var p = Build().Resolve(new RandomStream(1, 0));
        Assert.Equal(0.21 * 680 / p.Number("optics.na"), p.Number("optics.width_nm"), 12);
        var g = p.Group("sample[0]");
        Assert.Equal(p.Number("sample[0].count"), g.Count);
        Assert.True(g.Count > 0);
        for (var i = 0; i < g.Count; i++)
        {
            Assert.Equal(p.Number("optics.width_nm") + (g.Number(i, "x") / 100), g.Number(i, "sigma"), 12);
            Assert.Equal(g.Number(i, "photons") / g.Count, g.Number(i, "brightness"), 12);
        }

        Assert.Equal(1, p.Group("sample[1]").Count);
        Assert.Equal(p.Number("sample[1].z"), p.Group("sample[1]").Number(0, "z"));
    }

    [Fact]
    public void CopiesAreDrawnIndependently()
    {
        var g = Build().Resolve(new RandomStream(1, 0)).Group("sample[0]");
        Assert.Equal(g.Count, g.Column("x").ToArray().Distinct().Count());
    }

    [Fact]
    public void SameSeedAndIndexGiveTheSameValuesInAnyOrderAndOnAnyThread()
    {
        var graph = Build();
        var forward = Enumerable.Range(0, 40).Select(i => Snapshot(graph.Resolve(new RandomStream(9, (ulong)i)))).ToArray();
        var backward = Enumerable.Range(0, 40).Reverse().Select(i => (i, Snapshot(graph.Resolve(new RandomStream(9, (ulong)i))))).OrderBy(t => t.i).Select(t => t.Item2).ToArray();
        var parallel = new double[40][];
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Snapshot(Build().Resolve(new RandomStream(9, (ulong)i))));

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(forward[i], backward[i]);
            Assert.Equal(forward[i], parallel[i]);
        }

        Assert.NotEqual(forward[0], forward[1]);
        Assert.NotEqual(forward[0], Snapshot(graph.Resolve(new RandomStream(10, 0))));
    }

    [Fact]
    public void AddingAnUnrelatedPropertyChangesNoExistingDraw()
    {
        var before = Snapshot(Build().Resolve(new RandomStream(3, 7)));
        var globals = Globals.Prepend(Def("camera.background", Spec.Uniform(0, 1)));
        var groups = new[] { Groups[0] with { Members = new ValueList<PropertyDefinition>(Groups[0].Members.Prepend(Def("angle", Spec.Uniform(0, 6)))) }, Groups[1] };

        Assert.Equal(before, Snapshot(Build(globals, groups).Resolve(new RandomStream(3, 7))));
    }

    [Fact]
    public void TheFirstCopyKeepsItsValuesWhenTheCountChanges()
    {
        var single = PropertyGraph.Build([], [Group("f", 1.0, Def("x", Spec.Uniform(0, 1)))]).Resolve(new RandomStream(4, 2));
        var many = PropertyGraph.Build([], [Group("f", 5.0, Def("x", Spec.Uniform(0, 1)))]).Resolve(new RandomStream(4, 2));

        Assert.Equal(single.Number("f.x"), many.Group("f").Number(0, "x"));
        Assert.Equal(5, many.Group("f").Count);
    }

    [Fact]
    public void CyclesAreErrorsThatNameTheCycle()
    {
        var error = Assert.Throws<PropertyException>(() => PropertyGraph.Build(
            [Def("a.p", Spec.Expression("q + 1")), Def("a.q", Spec.Expression("a.r * 2")), Def("a.r", Spec.Expression("p")), Def("a.s", 1.0)], []));
        Assert.Equal("a.p → a.q → a.r → a.p form a cycle: a derived property cannot depend on itself", error.Problem);

        var self = Assert.Throws<PropertyException>(() => PropertyGraph.Build([], [Group("g", 3.0, Def("x", Spec.Expression("x + 1")))]));
        Assert.Equal("g.x → g.x form a cycle: a derived property cannot depend on itself", self.Problem);
    }

    [Fact]
    public void ALongChainResolvesWithoutDeepRecursion()
    {
        var chain = Enumerable.Range(0, 20_000).Select(i => Def($"c.v{i}", i == 0 ? 1.0 : Spec.Expression($"v{i - 1} + 1")));
        Assert.Equal(20_000, PropertyGraph.Build(chain.Reverse(), []).Resolve(new RandomStream(0, 0)).Number("c.v19999"));
    }

    [Fact]
    public void PerCopyValuesCannotBeReadFromOutsideTheirGroup()
    {
        var error = Assert.Throws<PropertyException>(() => Build([.. Globals, Def("camera.gain", Spec.Expression("sample[0].photons"))]));
        Assert.Equal("camera.gain: sample[0].photons is drawn separately for each copy of sample[0], so it has no single value here; only sample[0].count can be read from outside sample[0], or its properties when its count is 1", error.Problem);

        var fine = Build([.. Globals, Def("camera.gain", Spec.Expression("sample[1].z + sample[0].count"))]).Resolve(new RandomStream(1, 1));
        Assert.Equal(fine.Number("sample[1].z") + fine.Number("sample[0].count"), fine.Number("camera.gain"), 12);
    }

    [Fact]
    public void ValuesOutsideTheirRangeAreErrorsNotClamped()
    {
        var graph = PropertyGraph.Build([Def("o.a", Spec.Uniform(-1, 1)), Def("o.b", Spec.Expression("a * 10"), ValueRange.Positive)], []);
        var errors = Enumerable.Range(0, 20).Select(i =>
        {
            try
            {
                graph.Resolve(new RandomStream(2, (ulong)i));
                return null;
            }
            catch (PropertyException e)
            {
                return e;
            }
        }).ToList();

        var error = errors.First(e => e is not null)!;
        Assert.Equal("o.b", error.Path);
        Assert.Matches(@"^o\.b = -[0-9.E-]+ was drawn, but it must be a number > 0$", error.Problem);
        Assert.Contains(errors, e => e is null);
        Assert.Equal("o.c: '= log(0)' evaluates to -Infinity", Assert.Throws<PropertyException>(() => PropertyGraph.Build([Def("o.c", Spec.Expression("log(0)"))], []).Resolve(new RandomStream(0, 0))).Problem);
    }

    [Fact]
    public void CountFromDensityIsPoissonWithMeanDensityTimesArea()
    {
        // 64 × 64 pixels of 100 nm: 40.96 µm²; 0.5 per µm² → mean 20.48.
        var graph = Build(groups: [Group("sample[0]", new DensitySpec(0.5), Def("x", Spec.Uniform(0, 64)))]);
        const int samples = 4000;
        var counts = Enumerable.Range(0, samples).Select(i => (double)graph.Resolve(new RandomStream(8, (ulong)i)).Group("sample[0]").Count).ToArray();
        var mean = counts.Average();
        var variance = counts.Sum(c => (c - mean) * (c - mean)) / (samples - 1);

        Assert.True(Math.Abs(mean - 20.48) < 5 * Math.Sqrt(20.48 / samples), $"mean count {mean}");
        Assert.True(Math.Abs(variance - 20.48) < 5 * Math.Sqrt(20.48 * (1 + (2 * 20.48)) / samples), $"count variance {variance}");
    }

    [Fact]
    public void AnAbsurdCountIsAnErrorNotAClamp()
    {
        var density = Build(groups: [Group("sample[0]", new DensitySpec(2.5e7), Def("x", 1.0))]);
        Assert.Equal("sample[0].count: density_per_um2 = 25000000 over the 40.96 µm² field needs 1.02E+09 particles on average; at most 1E+07 are allowed",
            Assert.Throws<PropertyException>(() => density.Resolve(new RandomStream(0, 0))).Problem);

        Assert.Equal("sample[0].count = { poisson: { mean: 1000000000 } } has values outside the allowed range: it must be an integer in [0, 10000000]",
            Assert.Throws<PropertyException>(() => Build(groups: [Group("sample[0]", Spec.Poisson(1e9))])).Problem);

        var derived = Build(groups: [Group("sample[0]", Spec.Expression("image.width * 1e9"))]);
        Assert.Equal("sample[0].count = 64000000000 was drawn, but it must be an integer in [0, 10000000]",
            Assert.Throws<PropertyException>(() => derived.Resolve(new RandomStream(0, 0))).Problem);
    }

    [Fact]
    public void UnknownReferencesSuggestTheNearestName()
    {
        var error = Assert.Throws<PropertyException>(() => Build([.. Globals, Def("optics.spot", Spec.Expression("wavelenght_nm * 2"))]));
        Assert.Equal("optics.spot refers to optics.wavelenght_nm, which is not a property (did you mean optics.wavelength_nm?); its siblings are na, wavelength_nm, pixel_size_nm, width_nm", error.Problem);
    }

    [Fact]
    public void PathHashesAreFixed()
    {
        // FNV-1a 64 reference values: the empty string is the offset basis, "a" is from the published test vectors.
        Assert.Equal(0xcbf29ce484222325UL, StablePathHash.Of(string.Empty));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StablePathHash.Of("a"));
    }
}
