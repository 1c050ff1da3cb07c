using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>The augmentations drawn for one sample, applied in order to its image and its truth.</summary>
public sealed class AugmentationSequence
{
    private readonly IImageAugmentation[] _steps;

    public AugmentationSequence(int width, int height, IEnumerable<IImageAugmentation> steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
        Width = width;
        Height = height;
        (OutputWidth, OutputHeight) = (width, height);
        foreach (var step in _steps)
        {
            (OutputWidth, OutputHeight) = step.OutputSize(OutputWidth, OutputHeight);
            if ((long)OutputWidth * OutputHeight > (long)width * height)
            {
                throw new ArgumentException("an augmentation may not enlarge the image", nameof(steps));
            }
        }
    }

    /// <summary>Size of the rendered image the sequence starts from.</summary>
    public int Width { get; }

    public int Height { get; }

    public int OutputWidth { get; }

    public int OutputHeight { get; }

    public IReadOnlyList<IImageAugmentation> Steps => _steps;

    /// <summary>
    /// Transforms <paramref name="image"/> (Width × Height; overwritten) into <paramref name="output"/>
    /// (OutputWidth × OutputHeight), using <paramref name="scratch"/> (Width × Height) between steps.
    /// </summary>
    public void Apply(Span<float> image, Span<float> scratch, Span<float> output)
    {
        var area = Width * Height;
        if (image.Length < area || scratch.Length < area)
        {
            throw new ArgumentException($"the image and the scratch buffer need {area} floats each", nameof(image));
        }

        if (_steps.Length == 0)
        {
            image[..area].CopyTo(output);
            return;
        }

        int width = Width, height = Height;
        var from = image;
        var to = scratch;
        for (var i = 0; i < _steps.Length; i++)
        {
            var target = i == _steps.Length - 1 ? output : to;
            _steps[i].Apply(from, width, height, target);
            (width, height) = _steps[i].OutputSize(width, height);
            var previous = from;
            from = target;
            to = previous;
        }
    }

    /// <summary>Every particle moved through every step, in order; none is dropped.</summary>
    public ParticleTruth[] Transform(ReadOnlySpan<ParticleTruth> truth)
    {
        var moved = truth.ToArray();
        int width = Width, height = Height;
        foreach (var step in _steps)
        {
            for (var i = 0; i < moved.Length; i++)
            {
                moved[i] = step.Transform(moved[i], width, height);
            }

            (width, height) = step.OutputSize(width, height);
        }

        return moved;
    }
}
