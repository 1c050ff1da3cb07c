namespace Perrin.Nn.Training;

/// <summary>Training batches in index order; the caller disposes each batch it takes.</summary>
public interface IBatchStream : IDisposable
{
    /// <summary>The next batch.</summary>
    Batch Next();
}
