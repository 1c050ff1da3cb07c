namespace Perrin.Cli;

/// <summary>Process exit codes, so that scripts can tell a user's mistake from a defect in Perrin.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int UserError = 1;
    public const int InternalError = 2;
}
