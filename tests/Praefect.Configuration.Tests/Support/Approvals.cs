using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Praefect.Configuration.Tests.Support;

/// <summary>
/// Compares output with an approved file. With PRAEFECT_ACCEPT_GOLDEN=1 the received output becomes
/// the approved file; otherwise a mismatch fails with a line diff ('-' approved, '+' received).
/// </summary>
internal static class Approvals
{
    public const string AcceptVariable = "PRAEFECT_ACCEPT_GOLDEN";

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Returns null when it matches (or was accepted), else the failure text.</summary>
    public static string? Verify(string approvedPath, string received)
    {
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            return null;
        }

        if (Accepting)
        {
            File.WriteAllText(approvedPath, received);
            return null;
        }

        var name = Path.GetFileName(approvedPath);
        if (approved is null)
        {
            return $"{name}: no approved file; run with {AcceptVariable}=1 to create it from:\n{received}";
        }

        return $"{name} differs ('-' approved, '+' received; {AcceptVariable}=1 accepts):\n{Diff(approved, received)}";
    }

    private static string Diff(string approved, string received)
    {
        var diff = InlineDiffBuilder.Diff(approved, received);
        var lines = diff.Lines.Select(line => line.Type switch
        {
            ChangeType.Deleted => "- " + line.Text,
            ChangeType.Inserted => "+ " + line.Text,
            _ => "  " + line.Text,
        });
        return string.Join("\n", lines);
    }
}
