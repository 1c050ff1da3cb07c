namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One block of tiles of a <see cref="WinogradProblem"/> in a worker's buffer: V [ξ][CIn][BlockStride] followed by
/// M [ξ][COut][BlockStride]. Tiles are visited in runs along one tile row, in increasing order, so the whole-vector
/// writes a transform makes past a run's end are overwritten by the next run or land in the row's slack.
/// </summary>
internal readonly unsafe struct WinogradBlock
{
    private readonly SgemmKernelKind _kind;
    private readonly SgemmPlan _plan;
    private readonly WinogradProblem _p;
    private readonly float* _padded;
    private readonly float* _u;
    private readonly float* _bias;
    private readonly bool _relu;
    private readonly ChannelPlanes _output;
    private readonly float* _v;
    private readonly float* _m;

    public WinogradBlock(SgemmKernelKind kind, WinogradProblem p, float* padded, float* packedWeight, float* bias, bool relu,
        ChannelPlanes output, float* buffer)
    {
        _kind = kind;
        _plan = SgemmPlan.For(kind);
        _p = p;
        _padded = padded;
        _u = packedWeight;
        _bias = bias;
        _relu = relu;
        _output = output;
        _v = buffer;
        _m = buffer + (long)p.Positions * p.CIn * p.BlockStride;
    }

    public void Run(int block)
    {
        var first = (long)block * _p.BlockTiles;
        var count = (int)Math.Min(_p.BlockTiles, _p.Tiles - first);
        Transform(first, count, true);
        WinogradGemm.Multiply(_plan, _p.Positions, _u, _p.COut, _p.CIn, _v, _m, _p.BlockStride, count);
        Transform(first, count, false);
    }

    /// <summary>Runs the input (or output) transform over the block's tiles, one run along a tile row at a time.</summary>
    private void Transform(long first, int count, bool input)
    {
        var p = _p;
        for (var done = 0; done < count;)
        {
            var t = first + done;
            var n = (int)(t / p.TilesPerImage);
            var r = (int)(t % p.TilesPerImage);
            var (ty, tx) = (r / p.TilesW, r % p.TilesW);
            if (PairFits(tx, ty, count - done, input))
            {
                if (input) InputPair(n, ty, done);
                else OutputPair(n, ty, done);
                done += 2 * p.TilesW;
                continue;
            }
            var run = Math.Min(count - done, p.TilesW - tx);
            if (input) InputRun(n, ty, tx, run, done);
            else OutputRun(n, ty, tx, run, done);
            done += run;
        }
    }

    /// <summary>
    /// Whether tile rows ty and ty + 1, of 8 tiles each (16-pixel outputs), go through the AVX-512 transforms as one
    /// vector: a run of one row would fill half of it. Both rows must be in the block, and for the output transform
    /// all four output rows must exist.
    /// </summary>
    private bool PairFits(int tx, int ty, int left, bool input) =>
        _p.PairRows && _p.Tile == 2 && _kind == SgemmKernelKind.Avx512 && 2 * _p.TilesW == WinogradProblem.Lanes && tx == 0
        && left >= 2 * _p.TilesW && ty + 1 < _p.TilesH
        && (input || (_p.OutW == 2 * _p.TilesW && 2 * ty + 3 < _p.OutH));

    private void InputPair(int n, int ty, int column)
    {
        var p = _p;
        var xiStride = (nint)p.CIn * p.BlockStride;
        var source = _padded + (nint)n * p.CIn * p.PaddedPlane + (nint)2 * ty * p.Stride;
        for (var c = 0; c < p.CIn; c++)
            WinogradTransformAvx512.InputPair(source + (nint)c * p.PaddedPlane, p.Stride,
                _v + column + (nint)c * p.BlockStride, xiStride);
    }

    private void OutputPair(int n, int ty, int column)
    {
        var p = _p;
        var xiStride = (nint)p.COut * p.BlockStride;
        var plane = (nint)p.OutH * p.OutW;
        var offset = (nint)2 * ty * p.OutW;
        for (var c = 0; c < p.COut; c++)
            WinogradTransformAvx512.OutputPair(_m + (nint)c * p.BlockStride + column, xiStride,
                _bias == null ? 0f : _bias[c], _relu, _output.Plane(n, c, p.COut, plane) + offset, p.OutW);
    }

    private void InputRun(int n, int ty, int tx, int run, int column)
    {
        var p = _p;
        var xiStride = (nint)p.CIn * p.BlockStride;
        var source = _padded + (nint)n * p.CIn * p.PaddedPlane + (nint)p.Tile * (ty * p.Stride + tx);
        var dst = _v + column;
        for (var c = 0; c < p.CIn; c++)
        {
            var s = source + (nint)c * p.PaddedPlane;
            var d = dst + (nint)c * p.BlockStride;
            if (p.Tile == 4)
            {
                if (_kind == SgemmKernelKind.Avx2) WinogradTransformF4Avx2.Input(s, p.Stride, run, d, xiStride);
                else WinogradTransformF4Scalar.Input(s, p.Stride, run, d, xiStride);
                continue;
            }
            switch (_kind)
            {
                case SgemmKernelKind.Avx512: WinogradTransformAvx512.Input(s, p.Stride, run, d, xiStride); break;
                case SgemmKernelKind.Avx2: WinogradTransformAvx2.Input(s, p.Stride, run, d, xiStride); break;
                default: WinogradTransformScalar.Input(s, p.Stride, run, d, xiStride); break;
            }
        }
    }

    private void OutputRun(int n, int ty, int tx, int run, int column)
    {
        var p = _p;
        var xiStride = (nint)p.COut * p.BlockStride;
        var plane = (nint)p.OutH * p.OutW;
        var offset = (nint)p.Tile * (ty * p.OutW + tx);
        var valid = Math.Min(p.Tile * run, p.OutW - p.Tile * tx);
        var rows = Math.Min(p.Tile, p.OutH - p.Tile * ty);
        var secondRow = rows > 1;
        for (var c = 0; c < p.COut; c++)
        {
            var m = _m + (nint)c * p.BlockStride + column;
            var y = _output.Plane(n, c, p.COut, plane) + offset;
            var b = _bias == null ? 0f : _bias[c];
            if (p.Tile == 4)
            {
                if (_kind == SgemmKernelKind.Avx2)
                    WinogradTransformF4Avx2.Output(m, xiStride, run, b, _relu, y, p.OutW, valid, rows);
                else
                    WinogradTransformF4Scalar.Output(m, xiStride, run, b, _relu, y, p.OutW, valid, rows);
                continue;
            }
            switch (_kind)
            {
                case SgemmKernelKind.Avx512:
                    WinogradTransformAvx512.Output(m, xiStride, run, b, _relu, y, p.OutW, valid, secondRow);
                    break;
                case SgemmKernelKind.Avx2:
                    WinogradTransformAvx2.Output(m, xiStride, run, b, _relu, y, p.OutW, valid, secondRow);
                    break;
                default:
                    WinogradTransformScalar.Output(m, xiStride, run, b, _relu, y, p.OutW, valid, secondRow);
                    break;
            }
        }
    }
}
