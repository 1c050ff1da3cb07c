using System.Runtime.CompilerServices;

namespace Perrin.Core.Randomness;

/// <summary>Sixteen Philox blocks of output held inline in a <see cref="RandomStream"/>.</summary>
[InlineArray(Length)]
internal struct RandomBlockBuffer
{
    public const int Blocks = 16;
    public const int Length = Blocks * 4;

    private uint _element;
}
