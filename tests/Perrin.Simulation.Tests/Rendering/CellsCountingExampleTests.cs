using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Rendering;

public class CellsCountingExampleTests
{
    private static string ExamplePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "examples", "recipes", "cells-counting.yaml");
        }
    }

    [Fact]
    public void TheCellsExampleRendersCellsWithOneInstancePerCell()
    {
        var simulator = ImageSimulator.Create(RecipeReader.ReadFile(ExamplePath));
        Assert.Equal("fluorescence, gaussian PSF", simulator.Description);
        var mask = Assert.IsType<ShapeMask>(simulator.Label);
        Assert.True(mask.Instances);
        var image = new float[256 * 256];
        var label = new float[simulator.LabelLength];
        var truth = simulator.Render(0, image, label);

        // Poisson count of mean 22.2: 5σ either side.
        Assert.InRange(truth.Length, 1, 46);
        Assert.All(truth, t => Assert.Equal(ScattererKind.Cell, t.Kind));
        Assert.All(truth, t => Assert.InRange(t.RadiusNm, 5000, 8000));

        // Every cell whose centre lies in the field is numbered in the mask at its centre, or by an earlier cell
        // that overlaps it; the mask holds no other numbers.
        var ids = label.Where(v => v > 0).Distinct().ToHashSet();
        Assert.All(ids, id => Assert.Contains(truth, t => t.TrackId + 1 == id));
        foreach (var t in truth.Where(t => TruthPositions.InField(t, 256, 256)))
        {
            var at = label[((int)Math.Round(t.Y) * 256) + (int)Math.Round(t.X)];
            Assert.True(at == t.TrackId + 1 || (at >= 1 && at < t.TrackId + 1), $"cell {t.TrackId} at ({t.X}, {t.Y}) reads {at}");
        }

        // The image is brighter inside the cells than the background of at most 20 photons.
        var inside = label.Select((v, i) => (v, i)).Where(p => p.v > 0).Average(p => (double)image[p.i]);
        var outside = label.Select((v, i) => (v, i)).Where(p => p.v == 0).Average(p => (double)image[p.i]);
        Assert.True(inside > outside + 10, $"{inside} vs {outside}");
    }
}
