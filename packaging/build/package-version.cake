// The one version of everything we ship: <Version> in Directory.Build.props, overridable with
// --package-version (the upgrade test builds N+1 that way). Both dpkg and rpm accept it as is.
string ReadPackageVersion()
{
    var fromProps = XmlPeek("./Directory.Build.props", "/Project/PropertyGroup/Version");
    var version = Argument("package-version", fromProps);
    if (!System.Text.RegularExpressions.Regex.IsMatch(version, @"^[0-9]+(\.[0-9]+){1,3}$"))
    {
        throw new CakeException($"Package version '{version}' is not usable for .deb and .rpm: use digits and dots, e.g. 0.1.0 (Directory.Build.props <Version> or --package-version).");
    }
    return version;
}

// N+1 for the upgrade test: the last number plus one (0.1.0 -> 0.1.1).
string NextPackageVersion(string version)
{
    var parts = version.Split('.');
    parts[^1] = (int.Parse(parts[^1]) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    return string.Join(".", parts);
}

// Build time of the packaged files: the last commit's time, so two builds of one commit match.
long SourceDateEpoch()
{
    var fromEnv = EnvironmentVariable("SOURCE_DATE_EPOCH");
    if (!string.IsNullOrEmpty(fromEnv)) return long.Parse(fromEnv);
    var result = RunTool("git", new[] { "log", "-1", "--format=%ct" }, quiet: true);
    return result.ExitCode == 0 && long.TryParse(result.Output.Trim(), out var epoch)
        ? epoch
        : DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
