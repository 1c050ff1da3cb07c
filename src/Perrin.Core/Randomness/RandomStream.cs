namespace Perrin.Core.Randomness;

/// <summary>
/// A reproducible stream of random draws: Philox4x32-10 keyed by a seed and a purpose, with the stream index
/// (for instance the sample number) in the high half of the counter. Streams with different indices or purposes
/// are independent, and each is a pure function of its arguments, so results never depend on thread count or
/// scheduling. A stream itself is not thread-safe: give each thread its own.
/// </summary>
public sealed class RandomStream
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private const int BulkBlock = 256;
    private readonly uint _k0;
    private readonly uint _k1;
    private readonly uint _s0;
    private readonly uint _s1;
    private ulong _block;
    private RandomBlockBuffer _buffer;
    private int _used = RandomBlockBuffer.Length;
    private double _spareNormal = double.NaN;

    /// <param name="seed">The user's seed.</param>
    /// <param name="stream">Which stream of that seed, for instance the sample or frame index.</param>
    /// <param name="purpose">Separates the draws of different parts of a program that share a stream index.</param>
    public RandomStream(ulong seed, ulong stream, ulong purpose = 0)
    {
        var key = purpose == 0 ? seed : seed ^ SplitMix64(purpose);
        _k0 = (uint)key;
        _k1 = (uint)(key >> 32);
        _s0 = (uint)stream;
        _s1 = (uint)(stream >> 32);
        Seed = seed;
        Stream = stream;
        Purpose = purpose;
    }

    public ulong Seed { get; }

    public ulong Stream { get; }

    public ulong Purpose { get; }

    /// <summary>An independent stream for a named part of the work on the same stream index.</summary>
    public RandomStream Substream(ulong purpose) => new(Seed, Stream, SplitMix64(Purpose ^ SplitMix64(purpose + 1)));

    public uint NextUInt32()
    {
        if (_used == RandomBlockBuffer.Length)
        {
            Refill();
        }

        return _buffer[_used++];
    }

    public ulong NextUInt64()
    {
        if (_used > RandomBlockBuffer.Length - 2)
        {
            return ((ulong)NextUInt32() << 32) | NextUInt32();
        }

        var value = ((ulong)_buffer[_used] << 32) | _buffer[_used + 1];
        _used += 2;
        return value;
    }

    /// <summary>Fills <paramref name="destination"/> with the words that as many <see cref="NextUInt32()"/> calls return.</summary>
    public void NextUInt32(Span<uint> destination)
    {
        var take = Math.Min(RandomBlockBuffer.Length - _used, destination.Length);
        ((ReadOnlySpan<uint>)_buffer).Slice(_used, take).CopyTo(destination);
        _used += take;
        var rest = destination[take..];
        if (rest.IsEmpty)
        {
            return;
        }

        // The buffer is empty here, so whole blocks can go straight to the destination.
        var whole = rest.Length / 4 * 4;
        Philox4x32.FillBlocks(_block, _s0, _s1, _k0, _k1, rest[..whole]);
        _block += (ulong)(whole / 4);
        if (whole < rest.Length)
        {
            Refill();
            _used = rest.Length - whole;
            ((ReadOnlySpan<uint>)_buffer)[.._used].CopyTo(rest[whole..]);
        }
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoToMinus53;

    /// <summary>Uniform on (0, 1): safe under a logarithm.</summary>
    public double NextDoubleOpen() => ((NextUInt64() >> 11) + 0.5) * TwoToMinus53;

    /// <summary>Fills <paramref name="destination"/> with the values that as many <see cref="NextDouble()"/> calls return.</summary>
    public void NextDouble(Span<double> destination)
    {
        Span<uint> words = stackalloc uint[2 * BulkBlock];
        for (var start = 0; start < destination.Length; start += BulkBlock)
        {
            var part = destination.Slice(start, Math.Min(BulkBlock, destination.Length - start));
            NextUInt32(words[..(2 * part.Length)]);
            for (var i = 0; i < part.Length; i++)
            {
                part[i] = ((((ulong)words[2 * i] << 32) | words[(2 * i) + 1]) >> 11) * TwoToMinus53;
            }
        }
    }

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [0, count), without modulo bias (Lemire's method).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var range = (uint)count;
        var product = (ulong)NextUInt32() * range;
        if ((uint)product < range)
        {
            var threshold = (0u - range) % range;
            while ((uint)product < threshold)
            {
                product = (ulong)NextUInt32() * range;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>Standard normal draw (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double Normal()
    {
        if (!double.IsNaN(_spareNormal))
        {
            var spare = _spareNormal;
            _spareNormal = double.NaN;
            return spare;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextDoubleOpen()));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextDouble());
        _spareNormal = radius * sin;
        return radius * cos;
    }

    /// <summary>Fills <paramref name="destination"/> with the values that as many <see cref="Normal()"/> calls return.</summary>
    public void Normal(Span<double> destination)
    {
        var at = 0;
        if (!destination.IsEmpty && !double.IsNaN(_spareNormal))
        {
            destination[at++] = _spareNormal;
            _spareNormal = double.NaN;
        }

        // Each pair takes NextDoubleOpen's two words for the radius, then NextDouble's two for the angle.
        Span<uint> words = stackalloc uint[2 * BulkBlock];
        while (destination.Length - at >= 2)
        {
            var pairs = Math.Min(BulkBlock / 2, (destination.Length - at) / 2);
            NextUInt32(words[..(4 * pairs)]);
            for (var j = 0; j < pairs; j++, at += 2)
            {
                var open = (((((ulong)words[4 * j] << 32) | words[(4 * j) + 1]) >> 11) + 0.5) * TwoToMinus53;
                var angle = ((((ulong)words[(4 * j) + 2] << 32) | words[(4 * j) + 3]) >> 11) * TwoToMinus53;
                var radius = Math.Sqrt(-2.0 * Math.Log(open));
                var (sin, cos) = Math.SinCos(2.0 * Math.PI * angle);
                destination[at] = radius * cos;
                destination[at + 1] = radius * sin;
            }
        }

        if (at < destination.Length)
        {
            destination[at] = Normal();
        }
    }

    public double Normal(double mean, double sigma) => mean + (sigma * Normal());

    public double Exponential(double rate) => -Math.Log(NextDoubleOpen()) / rate;

    /// <summary>Gamma(shape, scale) by Marsaglia and Tsang's method; shapes below 1 use the u^(1/shape) boost.</summary>
    public double Gamma(double shape, double scale = 1.0)
    {
        if (!(shape > 0) || !(scale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), $"gamma needs a positive shape and scale, not {shape} and {scale}");
        }

        if (shape < 1)
        {
            return Gamma(shape + 1, scale) * Math.Pow(NextDoubleOpen(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDoubleOpen();
            if (u < 1.0 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>
    /// Poisson draw: multiplication of uniforms below a mean of 10, Hörmann's transformed rejection (PTRS)
    /// above, so the cost stays constant up to the 10⁶ photons per pixel of iSCAT.
    /// </summary>
    public long Poisson(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), $"a Poisson mean must be finite and not negative, not {mean}");
        }

        if (mean < 10)
        {
            var limit = Math.Exp(-mean);
            var product = NextDouble();
            long count = 0;
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }

            return count;
        }

        return PoissonPtrs(mean);
    }

    /// <summary>
    /// Fills <paramref name="counts"/> with one Poisson draw for each of <paramref name="means"/> (finite, not
    /// negative), which may be the same span. Exact like <see cref="Poisson(double)"/> but a different use of the
    /// stream, made for images: inversion from a vectorised e^−λ below a mean of 10, PTRS above. The counts are the
    /// same on every processor width and thread count.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A mean is negative, NaN or infinite.</exception>
    public void Poisson(ReadOnlySpan<double> means, Span<double> counts) => PoissonBatch.Sample(this, means, counts, SimdSupport.Widest);

    // Sixteen consecutive blocks at once, vectorised where the processor can; the words come out in the same
    // order as one block at a time.
    private void Refill()
    {
        Philox4x32.FillBlocks(_block, _s0, _s1, _k0, _k1, _buffer);
        _block += RandomBlockBuffer.Blocks;
        _used = 0;
    }

    internal long PoissonPtrs(double mean)
    {
        var logMean = double.NaN;
        var b = 0.931 + (2.53 * Math.Sqrt(mean));
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = NextDouble() - 0.5;
            var v = NextDoubleOpen();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (double.IsNaN(logMean))
            {
                logMean = Math.Log(mean);
            }

            // One logarithm of the product instead of three of its factors: this test runs for a third of the
            // attempts near a mean of 10, and the logarithms are most of its cost.
            if (Math.Log(v * inverseAlpha / ((a / (us * us)) + b)) <= -mean + (k * logMean) - LogFactorial(k))
            {
                return (long)k;
            }
        }
    }

    /// <summary>ln(k!) through Stirling's series, exact enough for k ≥ 10 and tabulated below.</summary>
    internal static double LogFactorial(double k)
    {
        if (k < 10)
        {
            var f = 1.0;
            for (var i = 2; i <= (int)k; i++)
            {
                f *= i;
            }

            return Math.Log(f);
        }

        var inverse = 1.0 / (k + 1);
        var inverse2 = inverse * inverse;
        return ((k + 0.5) * Math.Log(k + 1)) - (k + 1) + (0.5 * Math.Log(2 * Math.PI))
            + (inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 / 1260)))));
    }

    internal static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
