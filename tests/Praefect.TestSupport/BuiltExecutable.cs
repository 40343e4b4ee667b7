namespace Praefect.TestSupport;

/// <summary>
/// Finds executables of this repository built for the same configuration as the running tests:
/// <c>&lt;repo&gt;/src/&lt;Project&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;name&gt;</c>, where the configuration and
/// target framework are read from the test assembly's own output folder. Test projects should hold a
/// <c>ProjectReference</c> (with <c>ReferenceOutputAssembly=false</c>) to the project, so it is built first.
/// </summary>
public static class BuiltExecutable
{
    /// <summary>The full path of <paramref name="executableName"/> from <paramref name="projectFolder"/>, e.g. ("GitalyLite", "gitaly-lite").</summary>
    public static string Find(string projectFolder, string executableName, string? overrideVariable = null)
    {
        if (overrideVariable is not null && Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } overridden)
        {
            return overridden;
        }

        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name ?? "Debug";
        var root = RepositoryRoot.Find(output);
        var path = Path.Combine(root, "src", projectFolder, "bin", configuration, framework, executableName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{executableName} not found at '{path}'; build it first with 'dotnet build Praefect.sln -c {configuration}'" +
                (overrideVariable is null ? "" : $" or point {overrideVariable} at it"), path);
        }

        return path;
    }
}
