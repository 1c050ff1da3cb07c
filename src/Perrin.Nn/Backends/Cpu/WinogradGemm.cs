namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// The products M[ξ] = U[ξ]·V[ξ] of a block, one per position ξ (16 for F(2×2, 3×3), 36 for F(4×4, 3×3)), on the <see cref="Sgemm"/> micro-kernels. The transformed weight is
/// packed into micro-panels once per call and shared by all blocks; each block packs only its own V panels, and kernels
/// that read B in place (AVX2) skip even that for whole panels. K = CIn is never split, so every product is one pass
/// of the micro-kernel in a fixed order.
/// </summary>
internal static unsafe class WinogradGemm
{
    /// <summary>Floats of the packed weight: the positions' CIn × COut matrices rounded up to whole panels.</summary>
    public static long PackedLength(SgemmPlan plan, int positions, int cOut, int cIn) =>
        (long)positions * PanelRows(plan, cOut) * cIn;

    /// <summary>Packs u[ξ][cOut][cIn] as one set of MR-row panels per position.</summary>
    public static void Pack(SgemmPlan plan, int positions, float* u, int cOut, int cIn, float* dst)
    {
        var rows = PanelRows(plan, cOut);
        for (var xi = 0; xi < positions; xi++)
            SgemmPacking.PackA(false, u + (nint)xi * cOut * cIn, cIn, 0, cOut, 0, cIn, 1f, plan.MR, dst + (nint)xi * rows * cIn);
    }

    /// <summary>m[ξ][cOut][0..count) = packed U[ξ] · v[ξ][cIn][0..count), rows of v and m <paramref name="ld"/> apart.</summary>
    public static void Multiply(SgemmPlan plan, int positions, float* packed, int cOut, int cIn, float* v, float* m,
        nint ld, int count)
    {
        var rows = PanelRows(plan, cOut);
        var panel = SgemmWorkspace.B(plan.NR * cIn);
        var store = new SgemmTileStore(true, 0f, null, false);
        for (var xi = 0; xi < positions; xi++)
        {
            var a = packed + (nint)xi * rows * cIn;
            var b = v + xi * cIn * ld;
            var c = m + xi * cOut * ld;
            for (var j = 0; j < count; j += plan.NR)
            {
                var nr = Math.Min(plan.NR, count - j);
                if (nr == plan.NR && plan.KernelStridedB != null)
                {
                    for (var i = 0; i < cOut; i += plan.MR)
                        plan.KernelStridedB(cIn, a + (nint)i * cIn, b + j, ld, c + i * ld + j, ld, Math.Min(plan.MR, cOut - i), in store);
                    continue;
                }

                SgemmPacking.PackB(false, b, ld, 0, cIn, j, nr, plan.NR, panel);
                for (var i = 0; i < cOut; i += plan.MR)
                    plan.Kernel(cIn, a + (nint)i * cIn, panel, c + i * ld + j, ld, Math.Min(plan.MR, cOut - i), nr, in store);
            }
        }
    }

    private static int PanelRows(SgemmPlan plan, int cOut) => (cOut + plan.MR - 1) / plan.MR * plan.MR;
}
