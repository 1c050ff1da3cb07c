namespace Perrin.Analysis.Iscat;

internal static class BackgroundMath
{
    public static float Correct(float value, double background, BackgroundCorrection mode) =>
        (float)(mode == BackgroundCorrection.Ratio ? (value / background) - 1 : value - background);

    public static void CheckMode(BackgroundCorrection mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "the background correction must be Subtract or Ratio");
        }
    }
}
