namespace Perrin.Simulation.Properties.Expressions;

internal enum OpCode
{
    Push,
    Load,
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Sqrt,
    Exp,
    Log,
    Sin,
    Cos,
    Abs,
    Erf,
    Min,
    Max,
}
