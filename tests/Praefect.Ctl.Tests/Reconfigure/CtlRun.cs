namespace Praefect.Ctl.Tests.Reconfigure;

/// <summary>Runs praefect-ctl in process and keeps what it printed.</summary>
internal sealed record CtlRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static CtlRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CtlApp.Run(args, stdout, stderr);
        return new CtlRun(exit, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}
