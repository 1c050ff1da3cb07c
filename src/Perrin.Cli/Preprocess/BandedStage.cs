using Perrin.Analysis.Iscat;

namespace Perrin.Cli.Preprocess;

/// <summary>
/// A stage that works pixel by pixel (background, DRA) run as one copy per band of rows, the bands in parallel.
/// Each pixel sees exactly the arithmetic of the whole-frame stage, so the output does not depend on the number of
/// bands; only the messages of a band's stage count rows from the band's top.
/// </summary>
internal sealed class BandedStage : IFrameStage
{
    private readonly IFrameStage[] _bands;
    private readonly int[] _tops;
    private readonly bool[] _ready;
    private readonly float[] _input;
    private readonly float[] _output;

    private BandedStage(int height, int width, int bands, Func<int, int, IFrameStage> create)
    {
        Height = height;
        Width = width;
        _bands = new IFrameStage[bands];
        _tops = new int[bands + 1];
        for (var b = 0; b <= bands; b++)
        {
            _tops[b] = (int)((long)b * height / bands);
        }

        for (var b = 0; b < bands; b++)
        {
            _bands[b] = create(_tops[b], _tops[b + 1] - _tops[b]);
        }

        _ready = new bool[bands];
        _input = new float[height * width];
        _output = new float[height * width];
    }

    public string Description => _bands[0].Description;

    public int Height { get; }

    public int Width { get; }

    public int Delay => _bands[0].Delay;

    /// <summary>
    /// The stage <paramref name="create"/> makes for (top row, rows), on min(<paramref name="threads"/>, height) bands;
    /// a single band is the plain stage itself.
    /// </summary>
    public static IFrameStage Create(int height, int width, int threads, Func<int, int, IFrameStage> create)
    {
        var bands = Math.Clamp(threads, 1, height);
        return bands == 1 ? create(0, height) : new BandedStage(height, width, bands, create);
    }

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != _input.Length || output.Length != _output.Length)
        {
            throw new ArgumentException($"{Description}: frames of {Width}×{Height} = {_input.Length} pixels expected, got {input.Length} in and {output.Length} out");
        }

        input.CopyTo(_input);
        Parallel.For(0, _bands.Length, new ParallelOptions { MaxDegreeOfParallelism = _bands.Length }, b =>
        {
            var start = _tops[b] * Width;
            var length = (_tops[b + 1] - _tops[b]) * Width;
            _ready[b] = _bands[b].Push(_input.AsSpan(start, length), _output.AsSpan(start, length));
        });
        if (!_ready[0])
        {
            return false;
        }

        _output.CopyTo(output);
        return true;
    }
}
