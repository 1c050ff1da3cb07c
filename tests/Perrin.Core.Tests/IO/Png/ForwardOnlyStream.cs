namespace Perrin.Core.Tests.IO.Png;

/// <summary>A stream that cannot seek and hands out one byte per read, the least a stream may do.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private int _at;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_at >= data.Length || count == 0)
        {
            return 0;
        }

        buffer[offset] = data[_at++];
        return 1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
