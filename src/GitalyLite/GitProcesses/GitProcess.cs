using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GitalyLite.GitProcesses;

/// <summary>
/// A running <c>git</c> child with raw byte streams. Disposing stops it if it still runs, so a
/// cancelled call never leaves a git process behind: first SIGTERM, on which git removes the lock
/// files it holds (a SIGKILLed <c>git fetch</c> leaves <c>refs/heads/main.lock</c> and every later
/// fetch into that repository fails with "File exists"), then SIGKILL for what is still running.
/// </summary>
internal sealed class GitProcess : IDisposable
{
    private const int SigTerm = 15;

    /// <summary>How long git gets to clean up after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;

    private GitProcess(Process process) => this.process = process;

    public Stream Stdin => process.StandardInput.BaseStream;
    public Stream Stdout => process.StandardOutput.BaseStream;
    public Stream Stderr => process.StandardError.BaseStream;
    public int ExitCode => process.ExitCode;

    public static GitProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Never prompt, never read the operator's terminal; keep messages parseable.
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start git");
        return new GitProcess(process);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                if (SendSignal(process.Id, SigTerm) != 0 || !process.WaitForExit(TerminationGrace))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
