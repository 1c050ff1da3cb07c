using Perrin.Core.Randomness;
using Perrin.Simulation.Dynamics;

namespace Perrin.Simulation.Tests.Dynamics;

public sealed class PhotophysicsTests
{
    private const double Frame = 0.01;

    /// <summary>On ⇄ Dark₁ (fast, 20 ms), On ⇄ Dark₂ (slow, 200 ms), On lasting 30 ms in all.</summary>
    private static PhotophysicsModel TwoDarkStates() => new(
        [EmitterStateKind.On, EmitterStateKind.Dark, EmitterStateKind.Dark],
        [new StateTransition(0, 1, 25), new StateTransition(1, 0, 50), new StateTransition(0, 2, 8.333333333333334), new StateTransition(2, 0, 5)]);

    [Fact]
    public void StationaryDistributionBalancesEachDarkStateAgainstOn()
    {
        // A star of reversible states around On is in detailed balance: π_d / π_on = k(on→d) / k(d→on).
        var pi = TwoDarkStates().ReversibleStationaryDistribution();
        var weights = new[] { 1, 25.0 / 50, 8.333333333333334 / 5 };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(weights[i] / weights.Sum(), pi[i], 13);
        }

        var bleaching = PhotophysicsModel.OnOffBleach(0.02, 0.1, 1.0).ReversibleStationaryDistribution();
        Assert.Equal(0.1 / 0.12, bleaching[1], 13);
        Assert.Equal(0, bleaching[2]);
    }

    [Fact]
    public void TransitionMatrixIsStochasticAndBleachedIsAbsorbing()
    {
        var p = PhotophysicsModel.OnOffBleach(0.02, 0.1, 0.5).TransitionMatrix(Frame);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, p[i, 0] + p[i, 1] + p[i, 2], 14);
        }

        Assert.Equal(1, p[2, 2], 15);
        Assert.Equal(0, p[2, 0], 15);
        Assert.Equal(0, p[2, 1], 15);
    }

    [Fact]
    public void ContinuousSimulationMovesBetweenFramesAsTheMatrixExponentialSays()
    {
        // Starting in state i, the state one frame later is a multinomial draw from row i of exp(QΔt); each
        // frequency has a standard error of sqrt(P(1 − P)/n). This ties Gillespie's method to the matrix exponential.
        var model = PhotophysicsModel.OnOffBleach(0.012, 0.02, 0.03);
        var p = model.TransitionMatrix(Frame);
        const int n = 20000;
        for (var from = 0; from < 3; from++)
        {
            var counts = new int[3];
            var random = new RandomStream(31, (ulong)from);
            for (var i = 0; i < n; i++)
            {
                var emitter = new BlinkingEmitter(model, from);
                emitter.AdvanceFrame(Frame, 0.005, random);
                counts[emitter.State]++;
            }

            for (var to = 0; to < 3; to++)
            {
                var band = (5 * Math.Sqrt(p[from, to] * (1 - p[from, to]) / n)) + 1e-12;
                Assert.InRange(counts[to] / (double)n, p[from, to] - band, p[from, to] + band);
            }
        }
    }

    [Fact]
    public void FractionOfTimeOnMatchesTheStationaryDistribution()
    {
        // n emitters started from the stationary law, 40 frames each, exposure 6 ms of a 10 ms frame. Each
        // emitter's mean on-fraction lies in [0, 1] with mean π_on, so its variance is at most π_on(1 − π_on):
        // an honest bound on the standard error of the average over independent emitters, whatever the
        // correlation in time. The discrete frame chain's share of On frames obeys the same bound.
        var model = TwoDarkStates();
        var pi = model.ReversibleStationaryDistribution();
        var chain = model.FrameChain(Frame);
        const int n = 4000, frames = 40;
        var random = new RandomStream(32, 0);
        double continuous = 0, discrete = 0;
        for (var i = 0; i < n; i++)
        {
            var stream = random.Substream((ulong)i);
            var emitter = new BlinkingEmitter(model, model.DrawState(pi, stream));
            var state = model.DrawState(pi, stream);
            for (var f = 0; f < frames; f++)
            {
                continuous += emitter.AdvanceFrame(Frame, 0.006, stream);
                discrete += model.IsOn(state) ? 1 : 0;
                state = chain.Next(state, stream);
            }
        }

        var band = 5 * Math.Sqrt(pi[0] * (1 - pi[0]) / n);
        Assert.InRange(continuous / (n * frames), pi[0] - band, pi[0] + band);
        Assert.InRange(discrete / (n * frames), pi[0] - band, pi[0] + band);
    }

    [Fact]
    public void OnDwellsAreGeometricInFramesAndExponentialInTime()
    {
        // Frame chain: the run of On frames from an On start is geometric with P(run = k) = P_oo^(k−1)(1 − P_oo),
        // mean 1/(1 − P_oo) and variance P_oo/(1 − P_oo)². In continuous time the first frame is entirely On
        // with probability e^(−k_off·Δt) (exposure = frame), and its mean on-fraction is
        // π + (1 − π)(1 − e^(−kΔt))/(kΔt) with k = k_on + k_off, π = k_on/k.
        const double onLifetime = 0.03, offLifetime = 0.05;
        var model = PhotophysicsModel.OnOff(onLifetime, offLifetime);
        var pOnOn = model.TransitionMatrix(Frame)[0, 0];
        var chain = model.FrameChain(Frame);
        const int n = 20000;
        var random = new RandomStream(33, 0);
        double runs = 0, wholeFrames = 0, firstFraction = 0;
        for (var i = 0; i < n; i++)
        {
            var stream = random.Substream((ulong)i);
            var state = 0;
            var run = 0;
            for (; run < 10000 && state == 0; run++)
            {
                state = chain.Next(state, stream);
            }

            runs += run;
            var fraction = new BlinkingEmitter(model, 0).AdvanceFrame(Frame, Frame, stream);
            wholeFrames += fraction == 1 ? 1 : 0;
            firstFraction += fraction;
        }

        var meanRun = 1 / (1 - pOnOn);
        var runBand = 5 * Math.Sqrt(pOnOn) / (1 - pOnOn) / Math.Sqrt(n);
        Assert.InRange(runs / n, meanRun - runBand, meanRun + runBand);

        var pWhole = Math.Exp(-Frame / onLifetime);
        var wholeBand = 5 * Math.Sqrt(pWhole * (1 - pWhole) / n);
        Assert.InRange(wholeFrames / n, pWhole - wholeBand, pWhole + wholeBand);

        var k = (1 / onLifetime) + (1 / offLifetime);
        var pi = (1 / offLifetime) / k;
        var expected = pi + ((1 - pi) * (1 - Math.Exp(-k * Frame)) / (k * Frame));
        var fractionBand = 5 * Math.Sqrt(expected * (1 - expected) / n);
        Assert.InRange(firstFraction / n, expected - fractionBand, expected + fractionBand);
    }

    [Fact]
    public void BleachedNeverComesBackAndBleachesAtTheRateOfTheMatrixExponential()
    {
        // The share bleached after 30 frames from On is exp(Q·30Δt)[On, Bleached] ± 5·binomial standard errors.
        var model = PhotophysicsModel.OnOffBleach(0.02, 0.05, 0.15);
        const int n = 4000, frames = 30;
        var random = new RandomStream(34, 0);
        var bleached = 0;
        var revived = 0;
        for (var i = 0; i < n; i++)
        {
            var stream = random.Substream((ulong)i);
            var emitter = new BlinkingEmitter(model, 0);
            var wasBleached = false;
            for (var f = 0; f < frames; f++)
            {
                var on = emitter.AdvanceFrame(Frame, Frame, stream);
                revived += wasBleached && (on > 0 || !emitter.IsBleached) ? 1 : 0;
                wasBleached = emitter.IsBleached;
            }

            bleached += emitter.IsBleached ? 1 : 0;
        }

        Assert.Equal(0, revived);
        var expected = model.TransitionMatrix(frames * Frame)[0, 2];
        var band = 5 * Math.Sqrt(expected * (1 - expected) / n);
        Assert.InRange(bleached / (double)n, expected - band, expected + band);
    }

    [Fact]
    public void ModelsRejectImpossibleDefinitions()
    {
        Assert.Throws<ArgumentException>(() => new PhotophysicsModel([EmitterStateKind.Dark], []));
        Assert.Throws<ArgumentException>(() => new PhotophysicsModel([EmitterStateKind.On, EmitterStateKind.Bleached], [new StateTransition(1, 0, 1)]));
        Assert.Throws<ArgumentException>(() => new PhotophysicsModel([EmitterStateKind.On, EmitterStateKind.Dark], [new StateTransition(0, 1, -1)]));
        Assert.Throws<ArgumentException>(() => new PhotophysicsModel([EmitterStateKind.On, EmitterStateKind.Dark], [new StateTransition(0, 2, 1)]));
        var disconnected = new PhotophysicsModel([EmitterStateKind.On, EmitterStateKind.Dark], []);
        Assert.Throws<InvalidOperationException>(disconnected.ReversibleStationaryDistribution);
        Assert.Throws<ArgumentException>(() => disconnected.DrawState([0.5, 0.6], new RandomStream(1, 1)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BrightnessDrawsHaveTheRequestedMeanAndSpread(bool gamma)
    {
        // Mean 1000 photons, coefficient of variation 0.3: the sample mean's standard error is 300/√n; the sample
        // standard deviation's relative standard error is about sqrt((2 + excess kurtosis)/(4n)) (kurtosis 6cv²
        // for the gamma, e^(4σ²) + 2e^(3σ²) + 3e^(2σ²) − 6 for the log-normal with σ² = ln(1 + cv²)).
        var brightness = gamma ? PhotonBrightness.Gamma(1000, 0.3) : PhotonBrightness.LogNormal(1000, 0.3);
        const int n = 100_000;
        var random = new RandomStream(35, 0);
        var draws = Enumerable.Range(0, n).Select(_ => brightness.Draw(random)).ToArray();
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        Assert.InRange(mean, 1000 - (5 * 300 / Math.Sqrt(n)), 1000 + (5 * 300 / Math.Sqrt(n)));
        var s2 = Math.Log(1.09);
        var kurtosis = gamma ? 6 * 0.09 : Math.Exp(4 * s2) + (2 * Math.Exp(3 * s2)) + (3 * Math.Exp(2 * s2)) - 6;
        var relative = 5 * Math.Sqrt((2 + kurtosis) / (4.0 * n));
        Assert.InRange(sd, 300 * (1 - relative), 300 * (1 + relative));
        Assert.All(draws, d => Assert.True(d > 0));
        Assert.Equal(250, PhotonBrightness.Constant(250).Draw(random));
    }
}
