namespace Perrin.Analysis.Linking;

/// <summary>A track that may still be continued: where and when it was last seen, and its last velocity per frame.</summary>
internal struct ActiveTrack
{
    public long Particle;
    public double X;
    public double Y;
    public int LastFrame;
    public double VelocityX;
    public double VelocityY;
}
