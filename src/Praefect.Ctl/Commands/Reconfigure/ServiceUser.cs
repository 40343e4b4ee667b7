using Praefect.Configuration.Rendering.Apply;
using Praefect.Configuration.Settings;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>Creates the service user and group when missing, like Omnibus does (real root and --root / only).</summary>
internal static class ServiceUser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <returns>false when creating failed (the reason is printed).</returns>
    public static bool Ensure(PraefectSettings settings, bool dryRun, CtlOutput output)
    {
        if (UnixAccounts.GroupId(settings.Group) is null)
        {
            if (!Run(dryRun, output, $"group '{settings.Group}'", "groupadd", "--system", settings.Group))
            {
                return false;
            }
        }

        if (UnixAccounts.UserId(settings.Username) is null)
        {
            return Run(dryRun, output, $"user '{settings.Username}'", "useradd", "--system", "--gid", settings.Group, "--home-dir", settings.Dir,
                "--no-create-home", "--shell", "/bin/sh", settings.Username);
        }

        return true;
    }

    private static bool Run(bool dryRun, CtlOutput output, string what, string tool, params string[] arguments)
    {
        if (dryRun)
        {
            output.Out.WriteLine($"would create {what}");
            return true;
        }

        var result = ProcessRunner.Run(tool, arguments, Timeout);
        if (!result.Succeeded)
        {
            output.Error.WriteLine($"praefect-ctl reconfigure: error: cannot create {what}: {string.Join(" ", result.Lines)}");
            return false;
        }

        output.Out.WriteLine($"created {what}");
        return true;
    }
}
