using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One GEMM call with its operands pinned, able to compute any MR/NR-aligned rectangle of C on its own
/// (packing its own panels). Workers get disjoint rectangles, so each element of C is computed by one thread
/// in the same K order whatever the thread count.
/// </summary>
internal readonly unsafe struct SgemmProblem
{
    public readonly SgemmPlan Plan;
    public readonly bool TransA;
    public readonly bool TransB;
    public readonly int K;
    public readonly float Alpha;
    public readonly float Beta;
    public readonly float* A;
    public readonly nint Lda;
    public readonly float* B;
    public readonly nint Ldb;
    public readonly float* C;
    public readonly nint Ldc;
    public readonly float* Bias;
    public readonly bool Relu;

    public SgemmProblem(SgemmPlan plan, bool transA, bool transB, int k, float alpha, float* a, int lda, float* b, int ldb,
        float beta, float* c, int ldc, float* bias, bool relu)
    {
        Plan = plan;
        TransA = transA;
        TransB = transB;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
        Bias = bias;
        Relu = relu;
    }

    /// <summary>
    /// Computes C[i0..i1, j0..j1]. When the rows fit one MC block, each B panel is used by a single pass
    /// of the micro-kernels, so it is packed just before that pass into a buffer that stays in L1, rather than packing
    /// a whole KC×NC block that would go out to L3 and come back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int i0, int i1, int j0, int j1)
    {
        var plan = Plan;
        var kb = plan.KBlock(K);
        var ncMax = Math.Min(plan.NC, RoundUp(j1 - j0, plan.NR));
        var mcMax = Math.Min(plan.MC, RoundUp(i1 - i0, plan.MR));
        var panelAtATime = i1 - i0 <= plan.MC;
        var packB = SgemmWorkspace.B((panelAtATime ? plan.NR : ncMax) * kb);
        var packA = SgemmWorkspace.A(mcMax * kb);
        for (var jc = j0; jc < j1; jc += plan.NC)
        {
            var nc = Math.Min(plan.NC, j1 - jc);
            for (var pc = 0; pc < K; pc += kb)
            {
                var kc = Math.Min(kb, K - pc);
                var first = pc == 0;
                var last = pc + kc == K;
                if (!panelAtATime) SgemmPacking.PackB(TransB, B, Ldb, pc, kc, jc, nc, plan.NR, packB);
                for (var ic = i0; ic < i1; ic += plan.MC)
                {
                    var mc = Math.Min(plan.MC, i1 - ic);
                    SgemmPacking.PackA(TransA, A, Lda, ic, mc, pc, kc, Alpha, plan.MR, packA);
                    for (var jr = 0; jr < nc; jr += plan.NR)
                    {
                        var nr = Math.Min(plan.NR, nc - jr);
                        var bPanel = packB + (nint)jr * kc;
                        if (panelAtATime)
                        {
                            SgemmPacking.PackB(TransB, B, Ldb, pc, kc, jc + jr, nr, plan.NR, packB);
                            bPanel = packB;
                        }
                        for (var ir = 0; ir < mc; ir += plan.MR)
                        {
                            var mr = Math.Min(plan.MR, mc - ir);
                            var store = new SgemmTileStore(first && Beta == 0f, first ? Beta : 1f,
                                last && Bias != null ? Bias + ic + ir : null, last && Relu);
                            plan.Kernel(kc, packA + (nint)ir * kc, bPanel, C + (ic + ir) * Ldc + jc + jr, Ldc, mr, nr, in store);
                        }
                    }
                }
            }
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
