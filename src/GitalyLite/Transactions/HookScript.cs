using System.Text;

namespace GitalyLite.Transactions;

/// <summary>
/// git's <c>reference-transaction</c> hook as gitaly-lite installs it: a bash script (no managed
/// runtime starts per hook). In state "prepared" it sends the session key from its environment, the
/// byte length of its stdin and the stdin itself to gitaly-lite's loopback vote listener
/// (<c>/dev/tcp</c>, a bash built-in), and exits 0 only when the answer is <c>commit</c>: an abort,
/// an unreachable gitaly-lite or no answer within <c>GITALY_LITE_VOTE_WAIT</c> seconds aborts the update.
/// "committed" and "aborted" cast no vote.
/// </summary>
internal static class HookScript
{
    public const string HookName = "reference-transaction";
    public const string PortVariable = "GITALY_LITE_VOTE_PORT";
    public const string KeyVariable = "GITALY_LITE_VOTE_KEY";
    public const string WaitVariable = "GITALY_LITE_VOTE_WAIT";

    public const string Text = $$"""
        #!/bin/bash
        # Written by gitaly-lite: the reference-transaction hook of calls praefect runs as transactions.
        [ "$1" = prepared ] || exit 0
        export LC_ALL=C
        if [ -z "${{PortVariable}}" ] || [ -z "${{KeyVariable}}" ]; then
          echo "gitaly-lite: reference-transaction hook without a vote session: aborting the update" >&2
          exit 1
        fi
        IFS= read -r -d '' updates
        if ! exec 3<>"/dev/tcp/127.0.0.1/${{PortVariable}}"; then
          echo "gitaly-lite: cannot reach gitaly-lite's vote listener: aborting the update" >&2
          exit 1
        fi
        printf '%s\n%s\n%s' "${{KeyVariable}}" "${#updates}" "$updates" >&3
        IFS= read -r -t "${{{WaitVariable}}:-60}" answer <&3
        exec 3<&-
        case "$answer" in
          commit) exit 0 ;;
          '') echo "gitaly-lite: no answer to the vote: aborting the update" >&2 ;;
          *) echo "gitaly-lite: $answer" >&2 ;;
        esac
        exit 1

        """;

    /// <summary>Writes the hook into a new private directory (mode 0700) and returns the directory, for <c>core.hooksPath</c>.</summary>
    public static string Install()
    {
        var directory = Directory.CreateTempSubdirectory("gitaly-lite-hooks-").FullName;
        var path = Path.Combine(directory, HookName);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        using (var file = new FileStream(path, create))
        {
            file.Write(Encoding.UTF8.GetBytes(Text.ReplaceLineEndings("\n")));
        }

        return directory;
    }
}
