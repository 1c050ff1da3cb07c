namespace Perrin.Simulation.Tests.Scatterers.Mie;

/// <summary>Gauss–Legendre nodes and weights on [-1, 1] by Newton's method on P_n (exact for degree ≤ 2n − 1).</summary>
internal static class GaussLegendre
{
    public static (double[] Nodes, double[] Weights) Rule(int count)
    {
        var nodes = new double[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = Math.Cos(Math.PI * (i + 0.75) / (count + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = t;
                for (int k = 2; k <= count; k++)
                {
                    double p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }

                derivative = count * (t * p1 - p0) / (t * t - 1);
                double step = p1 / derivative;
                t -= step;
                if (Math.Abs(step) < 1e-15)
                {
                    break;
                }
            }

            nodes[i] = t;
            weights[i] = 2 / ((1 - t * t) * derivative * derivative);
        }

        return (nodes, weights);
    }
}
