namespace Perrin.Nn.Ops;

/// <summary>
/// How a normalization splits a contiguous (N, C, L) tensor into statistics groups: each group is
/// <see cref="PlanesPerGroup"/> planes of <see cref="PlaneLength"/> values, plane k of group g starting at
/// g·GroupStride + k·PlaneStride. Batch norm groups by channel (N planes each); instance norm has one plane per group.
/// </summary>
internal readonly record struct PlaneGroups(int Groups, int PlanesPerGroup, int PlaneLength, int GroupStride, int PlaneStride, int Channels)
{
    /// <summary>Statistics per channel over the batch and the spatial axes.</summary>
    public static PlaneGroups PerChannel(int n, int c, int l) => new(c, n, l, l, c * l, c);

    /// <summary>Statistics per sample and channel over the spatial axes.</summary>
    public static PlaneGroups PerPlane(int n, int c, int l) => new(n * c, 1, l, l, 0, c);

    /// <summary>Values in one group.</summary>
    public int GroupSize => PlanesPerGroup * PlaneLength;

    /// <summary>The first element of plane <paramref name="k"/> of group <paramref name="group"/>.</summary>
    public int Offset(int group, int k) => (group * GroupStride) + (k * PlaneStride);

    /// <summary>The channel whose affine weight and bias apply to a group.</summary>
    public int Channel(int group) => group % Channels;
}
