using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace Praefect.TestSupport;

/// <summary>
/// A child process started by a test: stdout and stderr lines are captured (with a timestamp and
/// the stream name). Disposing kills the whole process tree and, when the current test failed
/// (or PRAEFECT_TEST_LOGS=always), prints the captured log to <see cref="TestContext.Out"/>.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    /// <summary>A short label used in the printed log, e.g. "gitaly-lite node-a".</summary>
    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything captured so far, one entry per line, in arrival order.</summary>
    public IReadOnlyList<string> Lines => lines.ToArray();

    /// <summary>The captured lines as one text.</summary>
    public string Log => string.Join(Environment.NewLine, lines);

    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Capture("out", e.Data);
        process.ErrorDataReceived += (_, e) => child.Capture("err", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return child;
    }

    /// <summary>Waits for the process to exit on its own.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0.#} s");
        }

        return process.ExitCode;
    }

    /// <summary>Asks the process to stop (SIGTERM), waits up to <paramref name="grace"/>, then kills the tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || SendSignal(process.Id, SigTerm) != 0)
        {
            Kill();
            return;
        }

        using var cancellation = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills the whole process tree at once (a crash, as far as the process can tell).</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Prints the captured log to the test output, headed by the process name.</summary>
    public void PrintLog()
    {
        TestContext.Out.WriteLine($"----- {Name} (pid {Id}) log -----");
        foreach (var line in lines)
        {
            TestContext.Out.WriteLine(line);
        }

        TestContext.Out.WriteLine($"----- end of {Name} log -----");
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        if (TestFailure.AlwaysPrintLogs || TestFailure.IsCurrentTestFailing())
        {
            PrintLog();
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Capture(string stream, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {stream}: {line}");
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
