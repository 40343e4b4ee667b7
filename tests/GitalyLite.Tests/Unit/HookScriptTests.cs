using GitalyLite.Transactions;

namespace GitalyLite.Tests.Unit;

/// <summary>The hook git runs per reference transaction must stay cheap: bash built-ins only, no managed runtime.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookScriptTests
{
    [Test]
    public void Install_WritesAPrivateBashHookThatStartsNoOtherProgram()
    {
        var directory = HookScript.Install();
        try
        {
            var hook = Path.Combine(directory, "reference-transaction");
            var text = File.ReadAllText(hook);

            Assert.That(text, Does.StartWith("#!/bin/bash\n"));
            Assert.That(File.GetUnixFileMode(hook), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(File.GetUnixFileMode(directory) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead), Is.EqualTo((UnixFileMode)0));
            Assert.That(text, Does.Not.Contain("dotnet").And.Not.Contain("gitaly-lite ").And.Not.Contain("$(").And.Not.Contain("`"),
                "the hook uses bash built-ins (read, printf, /dev/tcp) only");
            Assert.That(text, Does.Contain("/dev/tcp/127.0.0.1/"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
