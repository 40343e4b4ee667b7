using System.Text.RegularExpressions;
using Grpc.Core;

namespace GitalyLite.GitProcesses;

/// <summary>Builds argument lists and environments for pack commands from request fields.</summary>
internal static partial class GitInvocation
{
    /// <summary><c>git -c k=v ... &lt;command&gt; [flags] &lt;repo&gt;</c>; config options must look like <c>key=value</c>.</summary>
    private static List<string> Arguments(IEnumerable<string> configOptions, string command, IEnumerable<string> flags, string repositoryPath)
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

        arguments.Add(command);
        arguments.AddRange(flags);
        arguments.Add(repositoryPath);
        return arguments;
    }

    /// <summary>Starts a pack command (upload-pack, receive-pack) on a repository with the request's config options and protocol.</summary>
    public static GitProcess StartPack(
        string command, IEnumerable<string> flags, string repositoryPath, IEnumerable<string> configOptions, string gitProtocol) =>
        GitProcess.Start(Arguments(configOptions, command, flags, repositoryPath), ProtocolEnvironment(gitProtocol));

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
