namespace Perrin.Simulation.Properties.Expressions;

internal enum ExpressionTokenKind
{
    Number,
    Name,
    LeftParenthesis,
    RightParenthesis,
    Comma,
    Plus,
    Minus,
    Times,
    Divide,
    Power,
    End,
}
