using System.Diagnostics;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>Runs the built praefect-ctl executable and captures its exit code, stdout and stderr.</summary>
internal static class PraefectCtl
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string ExecutablePath => BuiltExecutable.Find("Praefect.Ctl", "praefect-ctl", "PRAEFECT_CTL_PATH");

    public static async Task<CtlResult> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"praefect-ctl {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
        }

        return new CtlResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>What praefect-ctl printed and returned.</summary>
internal sealed record CtlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}stderr:{Environment.NewLine}{Stderr}";
}
