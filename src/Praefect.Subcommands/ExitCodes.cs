namespace Praefect.Subcommands;

/// <summary>Exit codes of every command: 0 ok, 1 failed, 2 usage or unreadable input.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
