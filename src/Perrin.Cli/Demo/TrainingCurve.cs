using System.Globalization;

namespace Perrin.Cli.Demo;

/// <summary>
/// The training and validation loss against step, read from a `perrin train` metrics table
/// (<c>epoch,step,train_loss,validation_loss,…</c>). Rows that do not parse are skipped: the curve is a picture.
/// </summary>
internal sealed record TrainingCurve(double[] Steps, double[] TrainLoss, double[] ValidationLoss)
{
    private const int MaxRows = 100_000;

    public static TrainingCurve? Parse(string? csv)
    {
        if (csv is null)
        {
            return null;
        }

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            return null;
        }

        var names = lines[0].Split(',');
        int step = Array.IndexOf(names, "step"), train = Array.IndexOf(names, "train_loss"), validation = Array.IndexOf(names, "validation_loss");
        if (step < 0 || train < 0 || validation < 0)
        {
            return null;
        }

        var (steps, trains, validations) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var line in lines.Skip(1).Take(MaxRows))
        {
            var cells = line.Split(',');
            if (cells.Length == names.Length && Number(cells[step]) is { } s && Number(cells[train]) is { } t && Number(cells[validation]) is { } v)
            {
                steps.Add(s);
                trains.Add(t);
                validations.Add(v);
            }
        }

        return steps.Count == 0 ? null : new TrainingCurve([.. steps], [.. trains], [.. validations]);
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
