using System.Diagnostics;

namespace Praefect.Ctl.ServiceManagers;

/// <summary>Runs sv, systemctl and friends with a bounded wait; a missing tool is a failed result, not an exception.</summary>
internal static class ProcessRunner
{
    public static CommandResult Run(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(127, [$"cannot run '{file}': {e.Message}"]);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new CommandResult(124, [$"'{file}' did not finish within {timeout.TotalSeconds:0} s"]);
            }

            var lines = (stdout.Result + stderr.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return new CommandResult(process.ExitCode, lines);
        }
    }

    /// <summary>Runs a command that streams (tail -F, journalctl -f), copying its lines to <paramref name="output"/> until it exits.</summary>
    public static int Stream(string file, IEnumerable<string> arguments, TextWriter output)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            while (process.StandardOutput.ReadLine() is { } line)
            {
                output.WriteLine(line);
            }

            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output.WriteLine($"cannot run '{file}': {e.Message}");
            return 127;
        }
    }
}
