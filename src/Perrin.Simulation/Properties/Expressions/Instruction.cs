namespace Perrin.Simulation.Properties.Expressions;

/// <summary>One step of a compiled expression: <see cref="Value"/> for Push, <see cref="Index"/> for Load (the reference) and for Min/Max (the argument count).</summary>
internal readonly record struct Instruction(OpCode Op, double Value = 0, int Index = 0);
