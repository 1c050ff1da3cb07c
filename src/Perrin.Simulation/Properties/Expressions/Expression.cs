using Perrin.Core.Maths;

namespace Perrin.Simulation.Properties.Expressions;

/// <summary>
/// A parsed arithmetic expression over numbers and named references, compiled to postfix code that is
/// interpreted without allocation. Parse errors are <see cref="PropertyException"/>s that give the character.
/// </summary>
public sealed class Expression
{
    private readonly Instruction[] _code;
    private readonly int _stackSize;

    internal Expression(string text, Instruction[] code, string[] references, int stackSize)
    {
        Text = text;
        _code = code;
        References = references;
        _stackSize = stackSize;
    }

    public string Text { get; }

    /// <summary>The distinct names the expression refers to, in order of first use; Evaluate takes their values in this order.</summary>
    public IReadOnlyList<string> References { get; }

    public static Expression Parse(string text) => ExpressionParser.Parse(text);

    /// <summary>The value; NaN or an infinity when the arithmetic has none (log of 0, square root of −1, 1/0).</summary>
    public double Evaluate(ReadOnlySpan<double> references)
    {
        if (references.Length != References.Count)
        {
            throw new ArgumentException($"{References.Count} reference values are needed, not {references.Length}", nameof(references));
        }

        Span<double> stack = _stackSize <= 64 ? stackalloc double[64] : new double[_stackSize];
        var top = -1;
        foreach (var instruction in _code)
        {
            switch (instruction.Op)
            {
                case OpCode.Push:
                    stack[++top] = instruction.Value;
                    break;
                case OpCode.Load:
                    stack[++top] = references[instruction.Index];
                    break;
                case OpCode.Min:
                case OpCode.Max:
                    top = Fold(stack, top, instruction);
                    break;
                case OpCode.Negate:
                case OpCode.Sqrt:
                case OpCode.Exp:
                case OpCode.Log:
                case OpCode.Sin:
                case OpCode.Cos:
                case OpCode.Abs:
                case OpCode.Erf:
                    stack[top] = Apply(instruction.Op, stack[top]);
                    break;
                default:
                    top--;
                    stack[top] = Apply(instruction.Op, stack[top], stack[top + 1]);
                    break;
            }
        }

        return stack[0];
    }

    public override string ToString() => Text;

    private static int Fold(Span<double> stack, int top, Instruction instruction)
    {
        var first = top - instruction.Index + 1;
        var result = stack[first];
        for (var i = first + 1; i <= top; i++)
        {
            result = instruction.Op == OpCode.Min ? Math.Min(result, stack[i]) : Math.Max(result, stack[i]);
        }

        stack[first] = result;
        return first;
    }

    private static double Apply(OpCode op, double x) => op switch
    {
        OpCode.Negate => -x,
        OpCode.Sqrt => Math.Sqrt(x),
        OpCode.Exp => Math.Exp(x),
        OpCode.Log => Math.Log(x),
        OpCode.Sin => Math.Sin(x),
        OpCode.Cos => Math.Cos(x),
        OpCode.Erf => ErrorFunction.Erf(x),
        _ => Math.Abs(x),
    };

    private static double Apply(OpCode op, double x, double y) => op switch
    {
        OpCode.Add => x + y,
        OpCode.Subtract => x - y,
        OpCode.Multiply => x * y,
        OpCode.Divide => x / y,
        _ => Math.Pow(x, y),
    };
}
