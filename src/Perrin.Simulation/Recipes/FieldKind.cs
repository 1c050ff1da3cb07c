namespace Perrin.Simulation.Recipes;

public enum FieldKind
{
    /// <summary>A real number: a constant, a distribution or an expression.</summary>
    Number,

    /// <summary>An integer: a constant, an integer distribution or an expression that evaluates to an integer.</summary>
    Integer,

    /// <summary>true or false, constant.</summary>
    Boolean,

    /// <summary>One of a fixed set of names, constant.</summary>
    Choice,

    /// <summary>A nested mapping of further fields.</summary>
    Group,

    /// <summary>A mapping from integer keys (within <see cref="FieldSchema.KeyRange"/>) to numbers, e.g. Zernike coefficients by Noll index.</summary>
    IndexedNumbers,

    /// <summary>A list of integers within <see cref="FieldSchema.Range"/>, constant (e.g. channels per network level).</summary>
    IntegerList,

    /// <summary>Any name, constant; the program that uses it decides which names it knows.</summary>
    Name,
}
