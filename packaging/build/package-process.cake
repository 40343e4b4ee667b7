// Runs a tool with an argument list (no shell quoting), capturing stdout and stderr together.
sealed record ToolResult(int ExitCode, string Output);

ToolResult RunTool(string file, IEnumerable<string> arguments, string workingDirectory = null,
    IDictionary<string, string> environment = null, bool quiet = false)
{
    var start = new System.Diagnostics.ProcessStartInfo(file)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = workingDirectory ?? System.IO.Directory.GetCurrentDirectory(),
    };
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    foreach (var pair in environment ?? new Dictionary<string, string>()) start.Environment[pair.Key] = pair.Value;

    var output = new System.Text.StringBuilder();
    using var process = new System.Diagnostics.Process { StartInfo = start };
    void Collect(object sender, System.Diagnostics.DataReceivedEventArgs e)
    {
        if (e.Data == null) return;
        lock (output) output.AppendLine(e.Data);
        if (!quiet) Console.WriteLine(e.Data);
    }
    process.OutputDataReceived += Collect;
    process.ErrorDataReceived += Collect;
    process.Start();
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    process.WaitForExit();
    return new ToolResult(process.ExitCode, output.ToString());
}

ToolResult RunToolOrFail(string file, IEnumerable<string> arguments, string workingDirectory = null,
    IDictionary<string, string> environment = null, bool quiet = false)
{
    var result = RunTool(file, arguments, workingDirectory, environment, quiet);
    if (result.ExitCode != 0)
    {
        if (quiet) Console.WriteLine(result.Output);
        throw new CakeException($"'{file} {string.Join(" ", arguments)}' failed with exit code {result.ExitCode}.");
    }
    return result;
}
