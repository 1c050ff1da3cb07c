namespace Perrin.Simulation.Properties.Expressions;

/// <summary>A token and the 1-based character where it starts, for messages.</summary>
internal readonly record struct ExpressionToken(ExpressionTokenKind Kind, int Position, double Number = 0, string Text = "");
