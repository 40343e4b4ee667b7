using Praefect.Configuration.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Praefect.Configuration.Runtime;

/// <summary>
/// Reads config.yml into <see cref="RuntimeConfig"/>, strictly: YAML syntax errors, unknown keys
/// (with a did-you-mean), wrong types, missing required keys and an unsupported version are all
/// reported with <c>file:line:col</c>. Never throws on bad input.
/// </summary>
public static class RuntimeConfigLoader
{
    private const string UnreadableCode = "runtime-unreadable";

    /// <summary>Loads a file. Returns null and sets <paramref name="error"/> (every problem, one per line).</summary>
    public static RuntimeConfig? LoadFile(string path, out string error)
    {
        var result = ParseFile(path);
        error = result.Diagnostics is [{ Code: UnreadableCode } unreadable] ? $"{path}: error: {unreadable.Message}" : result.ErrorText;
        return result.Config;
    }

    /// <summary>Loads YAML text. Returns null and sets <paramref name="error"/> (every problem, one per line).</summary>
    public static RuntimeConfig? Load(string yaml, string fileName, out string error)
    {
        var result = Parse(yaml, fileName);
        error = result.ErrorText;
        return result.Config;
    }

    public static RuntimeConfigLoadResult ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RuntimeConfigLoadResult.Failed(new Diagnostic(Severity.Error, path, 1, 1, UnreadableCode,
                $"cannot read the runtime config: {e.Message}", "run 'praefect-ctl reconfigure' to render it"));
        }

        return Parse(text, path);
    }

    public static RuntimeConfigLoadResult Parse(string yaml, string fileName)
    {
        if (GoTomlConfig.FirstTomlLine(yaml) is var tomlLine and > 0)
        {
            return RuntimeConfigLoadResult.Failed(new Diagnostic(Severity.Error, fileName, tomlLine, 1, "runtime-go-toml",
                "this is a Go Praefect config.toml, not the runtime config.yml", GoTomlConfig.Hint));
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).TrimEnd('.');
            return RuntimeConfigLoadResult.Failed(new Diagnostic(Severity.Error, fileName, (int)e.Start.Line, (int)e.Start.Column,
                "runtime-syntax", $"invalid YAML: {message}", "check the indentation and quoting on this line"));
        }

        if (stream.Documents.Count != 1)
        {
            return RuntimeConfigLoadResult.Failed(new Diagnostic(Severity.Error, fileName, 1, 1, "runtime-syntax",
                $"expected one YAML document, found {stream.Documents.Count}", "run 'praefect-ctl reconfigure' to render the file again"));
        }

        var binder = new RuntimeConfigBinder(fileName);
        var config = binder.Bind(stream.Documents[0].RootNode);
        var diagnostics = binder.Diagnostics.ToList();
        if (config is not null && diagnostics.Count == 0 && config.Version != RuntimeConfig.CurrentVersion)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Add(new Diagnostic(Severity.Error, fileName, (int)node.Start.Line, (int)node.Start.Column, "runtime-version",
                $"unsupported config version {config.Version}; this praefect reads version {RuntimeConfig.CurrentVersion}",
                "run 'praefect-ctl reconfigure' to render it again"));
        }

        return diagnostics.Count == 0 ? new RuntimeConfigLoadResult(config, diagnostics) : new RuntimeConfigLoadResult(null, diagnostics);
    }
}
