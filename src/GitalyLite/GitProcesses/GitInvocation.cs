using System.Text.RegularExpressions;
using GitalyLite.Transactions;
using Grpc.Core;

namespace GitalyLite.GitProcesses;

/// <summary>Builds argument lists and environments for pack commands from request fields.</summary>
internal static partial class GitInvocation
{
    /// <summary><c>-c k=v ...</c> for the request's config options, which must look like <c>key=value</c>.</summary>
    private static List<string> ConfigArguments(IEnumerable<string> configOptions)
    {
        var arguments = new List<string>();
        foreach (var option in configOptions)
        {
            if (!ConfigOption().IsMatch(option))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"invalid git config option \"{option}\": write it as section.key=value"));
            }

            arguments.Add("-c");
            arguments.Add(option);
        }

        return arguments;
    }

    /// <summary>
    /// Starts a pack command (upload-pack, receive-pack) on a repository with the request's config
    /// options and protocol; with <paramref name="votes"/>, git votes through gitaly-lite's
    /// reference-transaction hook (its <c>core.hooksPath</c> comes after the client's options, so it wins).
    /// </summary>
    public static GitProcess StartPack(
        string command, IEnumerable<string> flags, string repositoryPath, IEnumerable<string> configOptions, string gitProtocol,
        VoteSession? votes = null) =>
        GitProcess.Start(
            [.. ConfigArguments(configOptions), .. votes?.GitArguments ?? [], command, .. flags, repositoryPath],
            VoteSession.Merge(votes, ProtocolEnvironment(gitProtocol)));

    /// <summary>Passes the client's <c>git_protocol</c> (e.g. <c>version=2</c>) to git, as Gitaly does.</summary>
    public static IReadOnlyDictionary<string, string> ProtocolEnvironment(string gitProtocol) =>
        ProtocolValue().IsMatch(gitProtocol)
            ? new Dictionary<string, string> { ["GIT_PROTOCOL"] = gitProtocol }
            : new Dictionary<string, string>();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9.\-]*=[^\n]*$")]
    private static partial Regex ConfigOption();

    [GeneratedRegex(@"^version=[0-9]$")]
    private static partial Regex ProtocolValue();
}
