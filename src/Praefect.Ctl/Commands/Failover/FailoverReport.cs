using Praefect.Protocol.Admin;

namespace Praefect.Ctl.Commands.Failover;

/// <summary>How a failover result reads for the operator; shared by <c>failover</c> and <c>reconfigure</c>.</summary>
internal static class FailoverReport
{
    /// <summary>Prints the result; returns true when the failover happened (or nothing had to change).</summary>
    public static bool Print(string virtualStorage, string target, FailoverResponse response, CtlOutput output, string command)
    {
        switch (response.Outcome)
        {
            case FailoverResponse.Types.Outcome.Switched:
                output.Out.WriteLine($"virtual storage '{virtualStorage}': primary is now '{response.NewPrimary}' (was '{response.PreviousPrimary}'); switched in {response.DurationMs} ms, no write lost");
                return true;
            case FailoverResponse.Types.Outcome.AlreadyPrimary:
                output.Out.WriteLine($"virtual storage '{virtualStorage}': '{response.NewPrimary}' already is the primary; nothing changed");
                return true;
            case FailoverResponse.Types.Outcome.Forced:
                output.Out.WriteLine($"virtual storage '{virtualStorage}': primary is now '{response.NewPrimary}' (was '{response.PreviousPrimary}'); forced");
                if (response.LostRepositories.Count > 0)
                {
                    output.Out.WriteLine($"{response.LostRepositories.Count} repositories lost writes and reject writes until 'praefect-ctl accept-dataloss':");
                    PrintRepositories(response.LostRepositories, target, output.Out);
                }

                return true;
            default:
                output.Error.WriteLine($"praefect-ctl {command}: refused: {response.Reason}");
                if (response.LostRepositories.Count > 0)
                {
                    output.Error.WriteLine($"{response.LostRepositories.Count} repositories would lose writes:");
                    PrintRepositories(response.LostRepositories, target, output.Error);
                }

                return false;
        }
    }

    private static void PrintRepositories(IEnumerable<LostRepository> repositories, string target, TextWriter writer)
    {
        foreach (var lost in repositories)
        {
            var holders = lost.LatestStorages.Count == 0 ? "no healthy storage" : string.Join(", ", lost.LatestStorages.Select(s => "'" + s + "'"));
            var writes = lost.LatestGeneration - lost.TargetGeneration;
            writer.WriteLine($"  {lost.RelativePath}: generation {lost.LatestGeneration} on {holders}; '{target}' holds {lost.TargetGeneration} ({writes} {(writes == 1 ? "write" : "writes")})");
        }
    }
}
