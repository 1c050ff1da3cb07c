namespace Perrin.Cli;

/// <summary>A mistake in what the user asked for (a wrong option, an impossible conversion); reported without a stack trace.</summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException()
    {
    }

    public UserInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
