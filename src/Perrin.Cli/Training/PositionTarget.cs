using System.Globalization;

namespace Perrin.Cli.Training;

/// <summary>
/// What a position regressor's two outputs mean: (x − <see cref="CentreX"/>, y − <see cref="CentreY"/>) / <see cref="ScalePx"/>,
/// positions in pixels with (0, 0) at the centre of the first pixel. The centre is the frame's and the scale an
/// eighth of its larger side, so a particle within a few pixels of the centre gives outputs of order 1, the range
/// a freshly initialized dense layer produces. Model files record all three, so inference undoes exactly this.
/// </summary>
internal sealed record PositionTarget(double CentreX, double CentreY, double ScalePx)
{
    public const string CentreXKey = "perrin.position.centre_x_px";
    public const string CentreYKey = "perrin.position.centre_y_px";
    public const string ScaleKey = "perrin.position.scale_px";

    public static PositionTarget For(int width, int height) => new((width - 1) / 2.0, (height - 1) / 2.0, Math.Max(width, height) / 8.0);

    public (float U, float V) Encode(double x, double y) => ((float)((x - CentreX) / ScalePx), (float)((y - CentreY) / ScalePx));

    public (double X, double Y) Decode(float u, float v) => (CentreX + (u * ScalePx), CentreY + (v * ScalePx));

    public IEnumerable<KeyValuePair<string, string>> Metadata() =>
    [
        new(CentreXKey, CentreX.ToString("R", CultureInfo.InvariantCulture)),
        new(CentreYKey, CentreY.ToString("R", CultureInfo.InvariantCulture)),
        new(ScaleKey, ScalePx.ToString("R", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The target a model file records; a missing or unreadable entry is a <see cref="UserInputException"/> naming the file.</summary>
    public static PositionTarget FromMetadata(string path, IReadOnlyDictionary<string, string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        double Read(string key, bool positive)
        {
            if (!extra.TryGetValue(key, out var text)
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value) || (positive && value <= 0))
            {
                throw new UserInputException($"{path}: the metadata entry '{key}' is missing or not a {(positive ? "positive" : "finite")} number, so the regressor's outputs cannot be turned into positions; perrin localize needs a model made by perrin train");
            }

            return value;
        }

        return new PositionTarget(Read(CentreXKey, false), Read(CentreYKey, false), Read(ScaleKey, true));
    }
}
