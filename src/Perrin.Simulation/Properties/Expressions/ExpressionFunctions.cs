namespace Perrin.Simulation.Properties.Expressions;

/// <summary>The functions an expression may call, with their argument counts (0: two or more).</summary>
internal static class ExpressionFunctions
{
    public const string Names = "sqrt, exp, log, sin, cos, abs, erf, min, max (and the constant pi)";

    public static bool TryGet(string name, out OpCode op, out int arity)
    {
        (op, arity) = name switch
        {
            "sqrt" => (OpCode.Sqrt, 1),
            "exp" => (OpCode.Exp, 1),
            "log" => (OpCode.Log, 1),
            "sin" => (OpCode.Sin, 1),
            "cos" => (OpCode.Cos, 1),
            "abs" => (OpCode.Abs, 1),
            "erf" => (OpCode.Erf, 1),
            "min" => (OpCode.Min, 0),
            "max" => (OpCode.Max, 0),
            _ => (OpCode.Push, -1),
        };
        return arity >= 0;
    }
}
