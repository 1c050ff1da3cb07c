using Perrin.Analysis.Localizers.Candidates;
using Perrin.Analysis.Tests.Localizers;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers.Candidates;

public sealed class CandidateDetectorTests
{
    [Fact]
    public void FindsEveryIsolatedSpotAndNothingElse()
    {
        var spots = new SimulatedSpots(10, 4, 300, 10, 1.3, 5);
        var detector = new CandidateDetector(new CandidateDetectorParameters());
        for (var f = 0; f < spots.Frames.Count; f++)
        {
            var found = detector.Detect(spots.Frames[f]);
            Assert.Equal(16, found.Count);
            foreach (var (x, y) in spots.Truth[f])
            {
                Assert.Contains(found, c => Math.Abs(c.X - x) <= 1 && Math.Abs(c.Y - y) <= 1);
            }
        }
    }

    [Fact]
    public void CloseMaximaKeepTheBrighterOne()
    {
        var a = NoiselessSpot.Render(32, 13, 16, 1000, 0, 1.0);
        var b = NoiselessSpot.Render(32, 19, 16, 2000, 0, 1.0);
        var frame = new ImageFrame(a.Zip(b, (p, q) => p + q).ToArray(), 32, 32);
        Assert.Equal(2, new CandidateDetector(new CandidateDetectorParameters { SigmaPx = 1.0, MinDistancePx = 2 }).Detect(frame).Count);
        var merged = Assert.Single(new CandidateDetector(new CandidateDetectorParameters { SigmaPx = 1.0, MinDistancePx = 7 }).Detect(frame));
        Assert.Equal((19, 16), (merged.X, merged.Y));
    }

    [Fact]
    public void ThresholdInPhotonsSelectsBrightSpots()
    {
        var frame = NoiselessSpot.Frame(32, 16, 16, 1000, 10, 1.3);
        Assert.Single(new CandidateDetector(new CandidateDetectorParameters { MinPhotons = 700 }).Detect(frame));
        Assert.Empty(new CandidateDetector(new CandidateDetectorParameters { MinPhotons = 1400 }).Detect(frame));
    }

    [Fact]
    public void BorderAndBadPixelsAreHandled()
    {
        var frame = NoiselessSpot.Frame(32, 3, 16, 1000, 10, 1.3);
        Assert.Single(new CandidateDetector(new CandidateDetectorParameters()).Detect(frame));
        Assert.Empty(new CandidateDetector(new CandidateDetectorParameters { BorderPx = 4 }).Detect(frame));

        var flat = new float[32 * 32];
        Array.Fill(flat, 5f);
        flat[500] = float.NaN;
        flat[600] = float.PositiveInfinity;
        Assert.Empty(new CandidateDetector(new CandidateDetectorParameters()).Detect(new ImageFrame(flat, 32, 32)));
        Assert.Throws<ArgumentOutOfRangeException>("SigmaPx", () => new CandidateDetector(new CandidateDetectorParameters { SigmaPx = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("MinDistancePx", () => new CandidateDetector(new CandidateDetectorParameters { MinDistancePx = 0 }));
    }
}
