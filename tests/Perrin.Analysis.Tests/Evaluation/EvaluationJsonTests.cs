using System.Text.Json;
using Perrin.Analysis.Evaluation;
using static Perrin.Analysis.Tests.Evaluation.Locs;

namespace Perrin.Analysis.Tests.Evaluation;

public class EvaluationJsonTests
{
    [Fact]
    public void ResultsSerializeWithSnakeCaseNamesAndNullForUndefined()
    {
        var options = new EvaluationOptions { Rule = MatchingRule.Greedy, Crlb = new GaussianCrlb(100, 2, 120) };
        var r = LocalizationEvaluator.Evaluate([At(0, 1030, 960), At(2, 0, 0)], [Photons(0, 1000, 1000, 700)], options);
        var json = EvaluationJson.Serialize(r);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("greedy", root.GetProperty("options").GetProperty("rule").GetString());
        Assert.Equal(250.0, root.GetProperty("options").GetProperty("lateral_tolerance_nm").GetDouble());
        Assert.Equal(100.0, root.GetProperty("options").GetProperty("crlb").GetProperty("psf_sigma_nm").GetDouble());
        var overall = root.GetProperty("overall");
        Assert.Equal(1, overall.GetProperty("true_positives").GetInt64());
        Assert.Equal(50.0, overall.GetProperty("jaccard_percent").GetDouble());
        Assert.Equal(50.0, overall.GetProperty("rmse_lateral_nm").GetDouble());
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("rmse_axial_nm").ValueKind);
        var frames = root.GetProperty("frames");
        Assert.Equal(2, frames.GetArrayLength());
        Assert.Equal(2, frames[1].GetProperty("frame").GetInt32());
        Assert.False(frames[0].TryGetProperty("sums", out _));

        var back = EvaluationJson.Deserialize<LocalizationEvaluation>(json)!;
        Assert.Equal(r.Overall, back.Overall);
        Assert.Equal(r.Options, back.Options);
        Assert.Equal(r.Frames.Select(f => f.Scores), back.Frames.Select(f => f.Scores));
    }
}
