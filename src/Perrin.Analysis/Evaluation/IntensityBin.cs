namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The truths whose |intensity| fell in [<see cref="Lower"/>, <see cref="Upper"/>) (the last bin includes its upper
/// edge), how many of them were found, and the RMSE of their pairs. Intensity is the truth table's column: photons
/// for fluorescence, the signed peak contrast for iSCAT, whose sign only says dark or bright.
/// </summary>
public sealed record IntensityBin(double Lower, double Upper, int Truths, int Matched, double Recall, double RmseLateralNm);
