using System.Globalization;
using Perrin.Analysis.Plots;
using Perrin.Core.IO;

namespace Perrin.Cli.Training;

/// <summary>
/// Reads the loss curve from a training metrics CSV (columns found by name: step, train_loss, validation_loss)
/// and draws it as SVG and PNG.
/// </summary>
internal static class MetricsCurve
{
    private const long MaxBytes = 64L << 20;
    private static readonly string[] Columns = ["step", "train_loss", "validation_loss"];

    public static LossCurve Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: no such metrics file");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new PerrinFormatException(path, null, $"a metrics table of more than {MaxBytes} bytes is not one perrin train wrote");
        }

        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        var index = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (index.Any(i => i < 0))
        {
            throw PerrinFormatException.AtLine(path, 1, $"expected a header with the columns {string.Join(", ", Columns)} (a perrin train metrics table)");
        }

        var steps = new List<long>();
        var training = new List<double>();
        var validation = new List<double>();
        for (var row = 1; row < lines.Length; row++)
        {
            if (lines[row].Length == 0)
            {
                continue;
            }

            var cells = lines[row].Split(',');
            if (cells.Length != header.Length
                || !long.TryParse(cells[index[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
                || !double.TryParse(cells[index[1]], NumberStyles.Float, CultureInfo.InvariantCulture, out var train)
                || !double.TryParse(cells[index[2]], NumberStyles.Float, CultureInfo.InvariantCulture, out var valid))
            {
                throw PerrinFormatException.AtLine(path, row + 1, $"expected {header.Length} cells with a whole step and two losses");
            }

            steps.Add(step);
            training.Add(train);
            validation.Add(valid);
        }

        return new LossCurve(steps, training, validation);
    }

    /// <summary>Draws the curve of <paramref name="metricsPath"/> to <paramref name="output"/>, .svg or .png.</summary>
    public static void Plot(string metricsPath, string output, string title)
    {
        var extension = Path.GetExtension(output).ToUpperInvariant();
        if (extension is not (".SVG" or ".PNG"))
        {
            throw new UserInputException($"-o {output}: the curve is written as .svg or .png");
        }

        LossCurvePlot.Write(output, Read(metricsPath), title);
    }
}
