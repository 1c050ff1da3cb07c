namespace Perrin.Simulation.Dynamics;

/// <summary>Dense arithmetic for the few-state matrices of photophysics.</summary>
internal static class SmallMatrix
{
    public static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var inner = a.GetLength(1);
        var cols = b.GetLength(1);
        var c = new double[n, cols];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < inner; k++)
            {
                var aik = a[i, k];
                for (var j = 0; j < cols; j++)
                {
                    c[i, j] += aik * b[k, j];
                }
            }
        }

        return c;
    }

    /// <summary>The largest absolute column sum.</summary>
    public static double OneNorm(double[,] a)
    {
        var norm = 0.0;
        for (var j = 0; j < a.GetLength(1); j++)
        {
            var sum = 0.0;
            for (var i = 0; i < a.GetLength(0); i++)
            {
                sum += Math.Abs(a[i, j]);
            }

            norm = Math.Max(norm, sum);
        }

        return norm;
    }

    /// <summary>
    /// Solves A·X = B by Gaussian elimination with partial pivoting; A and B are overwritten. Returns false when
    /// a pivot is negligible next to the norm of A, that is when A is singular to working precision.
    /// </summary>
    public static bool TrySolve(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var cols = b.GetLength(1);
        var tiny = 1e-13 * Math.Max(OneNorm(a), double.Epsilon);
        for (var p = 0; p < n; p++)
        {
            var pivotRow = p;
            for (var i = p + 1; i < n; i++)
            {
                if (Math.Abs(a[i, p]) > Math.Abs(a[pivotRow, p]))
                {
                    pivotRow = i;
                }
            }

            if (!(Math.Abs(a[pivotRow, p]) > tiny))
            {
                return false;
            }

            SwapRows(a, p, pivotRow);
            SwapRows(b, p, pivotRow);
            for (var i = p + 1; i < n; i++)
            {
                var factor = a[i, p] / a[p, p];
                for (var j = p; j < n; j++)
                {
                    a[i, j] -= factor * a[p, j];
                }

                for (var j = 0; j < cols; j++)
                {
                    b[i, j] -= factor * b[p, j];
                }
            }
        }

        for (var p = n - 1; p >= 0; p--)
        {
            for (var j = 0; j < cols; j++)
            {
                var sum = b[p, j];
                for (var k = p + 1; k < n; k++)
                {
                    sum -= a[p, k] * b[k, j];
                }

                b[p, j] = sum / a[p, p];
            }
        }

        return true;
    }

    private static void SwapRows(double[,] m, int r1, int r2)
    {
        if (r1 == r2)
        {
            return;
        }

        for (var j = 0; j < m.GetLength(1); j++)
        {
            (m[r1, j], m[r2, j]) = (m[r2, j], m[r1, j]);
        }
    }
}
