namespace Perrin.Analysis.Iscat;

/// <summary>Stages run one after another as one stage; the delays add up.</summary>
public sealed class FrameStageChain : IFrameStage
{
    private readonly IFrameStage[] _stages;
    private readonly float[] _a;
    private readonly float[] _b;

    public FrameStageChain(params IFrameStage[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Length == 0)
        {
            throw new ArgumentException("a chain needs at least one stage", nameof(stages));
        }

        foreach (var stage in stages)
        {
            ArgumentNullException.ThrowIfNull(stage, nameof(stages));
            if (stage.Height != stages[0].Height || stage.Width != stages[0].Width)
            {
                throw new ArgumentException($"{stage.Description} works on {stage.Width}×{stage.Height} frames but {stages[0].Description} on {stages[0].Width}×{stages[0].Height}", nameof(stages));
            }
        }

        _stages = stages;
        _a = new float[stages[0].Height * stages[0].Width];
        _b = new float[_a.Length];
        var delay = 0L;
        foreach (var stage in stages)
        {
            delay += stage.Delay;
        }

        Delay = (int)Math.Min(delay, int.MaxValue);
    }

    public string Description => string.Join(" → ", _stages.Select(s => s.Description));

    public int Height => _stages[0].Height;

    public int Width => _stages[0].Width;

    public int Delay { get; }

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        ReadOnlySpan<float> current = input;
        for (var s = 0; s < _stages.Length; s++)
        {
            var last = s == _stages.Length - 1;
            var target = last ? output : (s % 2 == 0 ? _a : _b);
            if (!_stages[s].Push(current, target))
            {
                return false;
            }

            current = target;
        }

        return true;
    }
}
