namespace Perrin.Simulation.Properties.Expressions;

/// <summary>
/// Recursive descent over
/// <c>sum := product (('+'|'-') product)*</c>, <c>product := unary (('*'|'/') unary)*</c>,
/// <c>unary := ('-'|'+') unary | power</c>, <c>power := primary ('^' unary)?</c>,
/// <c>primary := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'</c>,
/// so that <c>^</c> binds tighter than unary minus (<c>-2^2 = -4</c>) and is right-associative.
/// It emits postfix code directly.
/// </summary>
internal sealed class ExpressionParser
{
    internal const int MaxLength = 2000;
    private const int MaxDepth = 64;

    private readonly List<ExpressionToken> _tokens;
    private readonly List<Instruction> _code = [];
    private readonly List<string> _references = [];
    private int _next;
    private int _depth;
    private int _stack;
    private int _maxStack;

    private ExpressionParser(List<ExpressionToken> tokens) => _tokens = tokens;

    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new PropertyException(string.Empty, $"the expression is {text.Length} characters long; at most {MaxLength} are allowed");
        }

        var parser = new ExpressionParser(ExpressionLexer.Tokenize(text));
        if (parser.Peek.Kind == ExpressionTokenKind.End)
        {
            throw new PropertyException(string.Empty, "the expression is empty");
        }

        parser.Sum();
        if (parser.Peek.Kind != ExpressionTokenKind.End)
        {
            throw parser.Unexpected("an operator or the end of the expression");
        }

        return new Expression(text, [.. parser._code], [.. parser._references], parser._maxStack);
    }

    private ExpressionToken Peek => _tokens[_next];

    private void Sum()
    {
        Enter();
        Product();
        while (Peek.Kind is ExpressionTokenKind.Plus or ExpressionTokenKind.Minus)
        {
            var op = _tokens[_next++].Kind == ExpressionTokenKind.Plus ? OpCode.Add : OpCode.Subtract;
            Product();
            Emit(new Instruction(op), -1);
        }

        _depth--;
    }

    private void Product()
    {
        Unary();
        while (Peek.Kind is ExpressionTokenKind.Times or ExpressionTokenKind.Divide)
        {
            var op = _tokens[_next++].Kind == ExpressionTokenKind.Times ? OpCode.Multiply : OpCode.Divide;
            Unary();
            Emit(new Instruction(op), -1);
        }
    }

    private void Unary()
    {
        Enter();
        if (Peek.Kind is ExpressionTokenKind.Minus or ExpressionTokenKind.Plus)
        {
            var negate = _tokens[_next++].Kind == ExpressionTokenKind.Minus;
            Unary();
            if (negate)
            {
                Emit(new Instruction(OpCode.Negate), 0);
            }
        }
        else
        {
            Power();
        }

        _depth--;
    }

    private void Power()
    {
        Primary();
        if (Peek.Kind == ExpressionTokenKind.Power)
        {
            _next++;
            Unary();
            Emit(new Instruction(OpCode.Power), -1);
        }
    }

    private void Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case ExpressionTokenKind.Number:
                _next++;
                Emit(new Instruction(OpCode.Push, token.Number), 1);
                break;
            case ExpressionTokenKind.LeftParenthesis:
                _next++;
                Sum();
                Expect(ExpressionTokenKind.RightParenthesis, "')'");
                break;
            case ExpressionTokenKind.Name:
                _next++;
                Name(token);
                break;
            default:
                throw Unexpected("a number, a name, a function or '('");
        }
    }

    private void Name(ExpressionToken token)
    {
        if (Peek.Kind == ExpressionTokenKind.LeftParenthesis)
        {
            Call(token);
            return;
        }

        if (token.Text == "pi")
        {
            Emit(new Instruction(OpCode.Push, Math.PI), 1);
            return;
        }

        if (ExpressionFunctions.TryGet(token.Text, out _, out _))
        {
            throw new PropertyException(string.Empty, $"the function {token.Text} at character {token.Position} of the expression needs its argument in parentheses");
        }

        var index = _references.IndexOf(token.Text);
        if (index < 0)
        {
            index = _references.Count;
            _references.Add(token.Text);
        }

        Emit(new Instruction(OpCode.Load, Index: index), 1);
    }

    private void Call(ExpressionToken name)
    {
        if (!ExpressionFunctions.TryGet(name.Text, out var op, out var arity))
        {
            throw new PropertyException(string.Empty, $"unknown function '{name.Text}' at character {name.Position} of the expression; known: {ExpressionFunctions.Names}");
        }

        _next++;
        var count = 1;
        Sum();
        while (Peek.Kind == ExpressionTokenKind.Comma)
        {
            _next++;
            Sum();
            count++;
        }

        Expect(ExpressionTokenKind.RightParenthesis, "')'");
        if (arity > 0 ? count != arity : count < 2)
        {
            var wanted = arity > 0 ? $"{arity} argument" : "at least 2 arguments";
            throw new PropertyException(string.Empty, $"{name.Text} at character {name.Position} of the expression takes {wanted}, not {count}");
        }

        Emit(new Instruction(op, Index: count), 1 - count);
    }

    private void Expect(ExpressionTokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Unexpected(what);
        }

        _next++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new PropertyException(string.Empty, $"the expression nests deeper than {MaxDepth} levels");
        }
    }

    private void Emit(Instruction instruction, int stackChange)
    {
        _code.Add(instruction);
        _stack += stackChange;
        _maxStack = Math.Max(_maxStack, _stack);
    }

    private PropertyException Unexpected(string expected)
    {
        var token = Peek;
        var found = token.Kind == ExpressionTokenKind.End ? "the end of the expression" : $"character {token.Position}";
        return new PropertyException(string.Empty, $"{expected} was expected at {found}");
    }
}
