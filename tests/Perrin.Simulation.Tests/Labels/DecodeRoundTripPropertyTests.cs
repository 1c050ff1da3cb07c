using FsCheck;
using FsCheck.Fluent;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class DecodeRoundTripPropertyTests
{
    private const int GridSteps = 1024;

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>Fields up to 24×24 with emitters on a 1/1024-pixel grid, integer photons and quarter-nm z.</summary>
    private static readonly Gen<(int Width, int Height, ParticleTruth[] Truth)> Scenes =
        from width in Gen.Choose(1, 24)
        from height in Gen.Choose(1, 24)
        from truth in Gen.ListOf(
            from ix in Gen.Choose(0, (width * GridSteps) - 1)
            from iy in Gen.Choose(0, (height * GridSteps) - 1)
            from photons in Gen.Choose(1, 100000)
            from quarterNm in Gen.Choose(-4000, 4000)
            select new ParticleTruth(((double)ix / GridSteps) - 0.5, ((double)iy / GridSteps) - 0.5, quarterNm / 4.0) { Photons = photons }).Resize(40)
        select (width, height, truth.ToArray());

    [Fact]
    public void DecodeOfRenderIsTheTruthForNonCollidingEmitters()
    {
        var label = new DecodeMap(includePhotons: true, includeZ: true);
        Prop.ForAll(Scenes.ToArbitrary(), scene =>
        {
            var (width, height, all) = scene;
            var pixelOf = (ParticleTruth p) => ((int)Math.Floor(p.Y + 0.5) * width) + (int)Math.Floor(p.X + 0.5);
            var distinct = all.DistinctBy(pixelOf).OrderBy(pixelOf).ToArray();
            var maps = new float[label.Channels * width * height];
            var stats = label.Render(distinct, width, height, maps);
            var decoded = label.Decode(maps, width, height);
            return stats == new DecodeRenderStats(distinct.Length, 0, 0) && decoded.SequenceEqual(distinct);
        }).Check(Runs);
    }

    [Fact]
    public void EveryEmitterIsPlacedOrCountedAsCollision()
    {
        var label = new DecodeMap();
        Prop.ForAll(Scenes.ToArbitrary(), scene =>
        {
            var (width, height, all) = scene;
            var maps = new float[label.Channels * width * height];
            var stats = label.Render(all, width, height, maps);
            var occupied = maps.AsSpan(0, width * height).ToArray().Count(v => v == 1);
            return stats.Placed == occupied && stats.Placed + stats.Collisions == all.Length && stats.Outside == 0;
        }).Check(Runs);
    }
}
