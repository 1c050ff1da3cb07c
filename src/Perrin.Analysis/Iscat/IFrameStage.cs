namespace Perrin.Analysis.Iscat;

/// <summary>
/// One step of a streaming frame pipeline. Frames go in one at a time and come out with a fixed delay: output frame k
/// is produced by the push of input frame k + <see cref="Delay"/>, so a movie of N frames gives N − Delay output
/// frames and never has to be in memory as a whole.
/// </summary>
public interface IFrameStage
{
    /// <summary>What the stage does, with its parameters, for messages.</summary>
    string Description { get; }

    int Height { get; }

    int Width { get; }

    /// <summary>How many input frames go in before the first output comes out.</summary>
    int Delay { get; }

    /// <summary>
    /// Consumes the next input frame (height × width, rows contiguous). Returns true, having written an output frame
    /// of the same size into <paramref name="output"/>, once enough frames have gone in.
    /// </summary>
    bool Push(ReadOnlySpan<float> input, Span<float> output);
}
