using System.Text.Json;

namespace Praefect.TestSupport;

/// <summary>Which side of git's transport the bridge plays: fetch/clone (upload-pack) or push (receive-pack).</summary>
public enum BridgeMode
{
    UploadPack,
    ReceivePack,
}

/// <summary>
/// Environment for real <c>git clone</c>/<c>fetch</c>/<c>push</c> through any Gitaly-protocol address
/// (a gitaly-lite node, or praefect) via gitaly-lite's gitaly-ssh style bridge. Use it with
/// <see cref="RemoteUrl"/>: the host and path of that URL are ignored; the repository comes from the payload.
/// </summary>
public static class GitalyBridge
{
    /// <summary>Any ssh URL works; the bridge reads the target from GITALY_PAYLOAD.</summary>
    public const string RemoteUrl = "ssh://gitaly/repository.git";

    public static IReadOnlyDictionary<string, string> Environment(
        BridgeMode mode, string address, string storageName, string relativePath, string token,
        string glRepository = "project-1", string glId = "user-1")
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["repository"] = new Dictionary<string, string> { ["storage_name"] = storageName, ["relative_path"] = relativePath },
            ["gl_repository"] = glRepository,
            ["gl_id"] = glId,
        });
        var command = mode == BridgeMode.UploadPack ? "upload-pack" : "receive-pack";
        return new Dictionary<string, string>
        {
            ["GIT_SSH_COMMAND"] = $"{Quote(GitalyLiteNode.ExecutablePath)} ssh {command}",
            ["GIT_SSH_VARIANT"] = "simple",
            ["GITALY_ADDRESS"] = address,
            ["GITALY_PAYLOAD"] = payload,
            ["GITALY_TOKEN"] = token,
        };
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
