using System.Globalization;
using System.Text;
using Perrin.Analysis.Evaluation;
using Perrin.Core.IO;

namespace Perrin.Cli.Evaluate;

/// <summary>
/// The per-frame scores as CSV, for plots against time or density. Frames are numbered in the detections file's own
/// convention (<paramref name="frameBase"/>), so that rows join with it directly; undefined values are written NaN.
/// </summary>
internal static class FrameScoresCsv
{
    public const string Header = "frame,truth,detections,tp,fp,fn,jaccard_percent,recall,precision,rmse_lateral_nm,rmse_axial_nm,bias_x_nm,bias_y_nm,bias_z_nm";

    public static void Write(string path, IReadOnlyList<FrameEvaluation> frames, int frameBase)
    {
        using var file = new AtomicFileWriter(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            foreach (var f in frames)
            {
                var s = f.Scores;
                writer.WriteLine(string.Join(',',
                    (f.Frame + (long)frameBase).ToString(CultureInfo.InvariantCulture),
                    f.TruthCount.ToString(CultureInfo.InvariantCulture),
                    f.DetectionCount.ToString(CultureInfo.InvariantCulture),
                    s.TruePositives.ToString(CultureInfo.InvariantCulture),
                    s.FalsePositives.ToString(CultureInfo.InvariantCulture),
                    s.FalseNegatives.ToString(CultureInfo.InvariantCulture),
                    Number(s.JaccardPercent),
                    Number(s.Recall),
                    Number(s.Precision),
                    Number(s.RmseLateralNm),
                    Number(s.RmseAxialNm),
                    Number(s.BiasXNm),
                    Number(s.BiasYNm),
                    Number(s.BiasZNm)));
            }
        }

        file.Commit();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
