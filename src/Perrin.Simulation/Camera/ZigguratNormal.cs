using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Standard normal draws by Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with 128 layers: one
/// 64-bit word gives the layer (7 bits), the sign (1 bit) and a 53-bit uniform, and 98.8 % of draws end there
/// with a multiplication and a comparison. The rest fall in a wedge (one exponential) or the tail beyond
/// <see cref="TailStart"/> (Marsaglia's exact tail method), so the distribution is exact and the camera pays
/// for a logarithm only rarely, where Box–Muller pays a logarithm, a square root and a sine every pair.
/// The draws are scalar and use the stream's words in order, so they do not depend on the vector width.
/// </summary>
internal static class ZigguratNormal
{
    private const int Layers = 128;

    /// <summary>Where the base layer's tail starts (Marsaglia and Tsang's r for 128 layers).</summary>
    private const double TailStart = 3.442619855899;

    /// <summary>Area of each layer under exp(−x²/2), tail included in the base (their v for 128 layers).</summary>
    private const double LayerArea = 9.91256303526217e-3;

    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    // Layer i spans [0, Edges[i]] horizontally and [Heights[i], Heights[i + 1]] vertically; a point with
    // |x| below Edges[i + 1] lies under the curve whatever its height.
    private static readonly double[] Edges = BuildEdges();
    private static readonly double[] Heights = Array.ConvertAll(Edges, x => Math.Exp(-0.5 * x * x));

    /// <summary>Fills <paramref name="destination"/> with normal draws, taking the stream's words in bulk.</summary>
    public static void Fill(RandomStream rng, Span<double> destination)
    {
        Span<uint> words = stackalloc uint[2 * 256];
        var edges = Edges;
        for (var start = 0; start < destination.Length; start += 256)
        {
            var part = destination.Slice(start, Math.Min(256, destination.Length - start));
            var block = words[..(2 * part.Length)];
            rng.NextUInt32(block);
            for (var i = 0; i < part.Length; i++)
            {
                var word = ((ulong)block[2 * i] << 32) | block[(2 * i) + 1];
                var layer = (int)(word & (Layers - 1));
                var x = Magnitude(word) * edges[layer];
                part[i] = x < edges[layer + 1] ? WithSign(x, word) : Slow(word, rng);
            }
        }
    }

    /// <summary>One normal draw.</summary>
    public static double Next(RandomStream rng)
    {
        var word = rng.NextUInt64();
        var layer = (int)(word & (Layers - 1));
        var x = Magnitude(word) * Edges[layer];
        return x < Edges[layer + 1] ? WithSign(x, word) : Slow(word, rng);
    }

    /// <summary>The top 53 bits as a uniform on [0, 1); the signed conversion is a single instruction.</summary>
    private static double Magnitude(ulong word) => (long)(word >> 11) * TwoToMinus53;

    // The sign bit of the word goes straight into the double: a branch on it would be mispredicted half the time.
    private static double WithSign(double magnitude, ulong word) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(magnitude) | (long)((word & Layers) << 56));

    // The word that missed the fast test is finished here (wedge or tail); a rejection starts over with new words.
    private static double Slow(ulong word, RandomStream rng)
    {
        while (true)
        {
            var layer = (int)(word & (Layers - 1));
            var x = Magnitude(word) * Edges[layer];
            if (x < Edges[layer + 1])
            {
                return WithSign(x, word);
            }

            if (layer == 0)
            {
                double tail, height;
                do
                {
                    tail = -Math.Log(rng.NextDoubleOpen()) / TailStart;
                    height = -Math.Log(rng.NextDoubleOpen());
                }
                while (height + height < tail * tail);
                return WithSign(TailStart + tail, word);
            }

            var y = Heights[layer] + (rng.NextDouble() * (Heights[layer + 1] - Heights[layer]));
            if (y < Math.Exp(-0.5 * x * x))
            {
                return WithSign(x, word);
            }

            word = rng.NextUInt64();
        }
    }

    // Edges[0] is the width of a rectangle of the layer area at height f(r), so the base layer is that
    // rectangle plus the tail; Edges[Layers] = 0 closes the top layer at the peak. With the published 13-digit
    // r and v the top layer's area comes out 1.2·10⁻⁹ of a layer too large, a bias far below any test's reach.
    private static double[] BuildEdges()
    {
        var edges = new double[Layers + 1];
        edges[0] = LayerArea / Math.Exp(-0.5 * TailStart * TailStart);
        edges[1] = TailStart;
        for (var i = 2; i < Layers; i++)
        {
            var previous = edges[i - 1];
            edges[i] = Math.Sqrt(-2 * Math.Log((LayerArea / previous) + Math.Exp(-0.5 * previous * previous)));
        }

        return edges;
    }
}
