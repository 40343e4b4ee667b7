using Praefect.Ctl.Tests.Reconfigure;

namespace Praefect.Ctl.Tests.Secrets;

/// <summary>
/// A syntax error next to a secret (a missing '=' leaves the key unknown) must not print the secret
/// in any command's output, text or JSON.
/// </summary>
public sealed class SecretEchoCommandTests
{
    private const string Secret = "S3CRETxyzzy42";

    private static readonly string[][] Commands =
    [
        ["check"],
        ["check", "--format", "json"],
        ["show-config"],
        ["diff-config", "--root", "ROOT"],
        ["render", "--output", "ROOT"],
        ["reconfigure", "--dry-run", "--root", "ROOT"],
    ];

    [TestCaseSource(nameof(Commands))]
    public void Command_SecretAfterMissingAssign_NeverPrintsTheSecret(string[] command)
    {
        using var temp = new TempRoot();
        temp.WriteGitlabRb($"praefect['enable'] = true\npraefect['auth_token'] '{Secret}'\npraefect['database_password'] = {Secret}x\n");

        var run = CtlRun.Of([.. command.Select(a => a == "ROOT" ? temp.Root : a), "--config", temp.GitlabRb]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.ToString());
        Assert.That(run.All, Does.Contain("expected '=' after praefect[...]"), run.ToString());
        Assert.That(run.All, Does.Not.Contain(Secret), run.ToString());
    }
}
