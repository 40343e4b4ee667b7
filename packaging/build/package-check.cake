// PackageCheck: every check runs (one failing does not hide the others) and becomes a result.
#load "package-check-results.cake"
#load "package-install-test.cake"

const long MaxDebBytes = 60_000_000;

void RunPackageChecks(string version)
{
    var deb = packages.CombineWithFilePath($"praefect_{version}_amd64.deb");
    var rpm = packages.CombineWithFilePath($"praefect-{version}-1.x86_64.rpm");
    var results = new PackageCheckResults();
    results.Run("lintian: no errors, every warning documented", () => CheckLintian(deb));
    results.Run("rpmlint: no errors, every warning documented", () => CheckRpmlint(rpm));
    results.Run("rpm -qlp lists the same files as the deb", () => CheckFileLists(deb, rpm));
    results.Run("maintainer scripts pass sh -n (deb and rpm)", () => CheckScriptSyntax(deb, rpm));
    results.Run($".deb is at most {MaxDebBytes / 1_000_000} MB", () => CheckPackageSizes(deb, rpm));
    RunInstallTest(results, version, deb);
    var trx = testResults.CombineWithFilePath("PackageCheck.trx").FullPath;
    results.WriteTrx(trx);
    Information($"Package checks: {results.All.Count(r => r.Outcome == "Passed")} passed, {results.Failed} failed, {results.All.Count(r => r.Outcome == "NotExecuted")} skipped ({trx}).");
    if (results.Failed > 0) throw new CakeException("Some package checks failed; see the output above.");
}

// Warning tags must appear in packaging/README.md, which says why each one stays.
void RequireDocumented(IEnumerable<string> tags, string tool)
{
    var readme = System.IO.File.ReadAllText("./packaging/README.md");
    var undocumented = tags.Distinct().Where(t => !readme.Contains("`" + t + "`")).ToList();
    if (undocumented.Count > 0)
    {
        throw new PackageCheckFailed($"{tool} warnings not listed in packaging/README.md: {string.Join(", ", undocumented)}. Fix them, or list each with why it stays.");
    }
}

string CheckLintian(FilePath deb)
{
    var result = RunTool("lintian", new[] { "--fail-on", "error", "--display-level", ">=warning", deb.FullPath });
    var tags = LintTags(result.Output, @"^([EW]): praefect(?: \w+)?: (\S+)");
    var errors = tags.Where(t => t.Severity == "E").Select(t => t.Tag).ToList();
    if (result.ExitCode != 0 || errors.Count > 0)
    {
        throw new PackageCheckFailed($"lintian exit {result.ExitCode}, errors: {string.Join(", ", errors)}\n{result.Output}");
    }
    var warnings = tags.Where(t => t.Severity == "W").Select(t => t.Tag).ToList();
    RequireDocumented(warnings, "lintian");
    return $"0 errors, {warnings.Count} documented warnings ({string.Join(", ", warnings.Distinct())})";
}

string CheckRpmlint(FilePath rpm)
{
    var result = RunTool("rpmlint", new[] { "-c", "./packaging/rpm/rpmlint.toml", rpm.FullPath });
    var tags = LintTags(result.Output, @"^praefect[^:]*: ([EW]): (\S+)");
    var errors = tags.Where(t => t.Severity == "E").Select(t => t.Tag).ToList();
    if (errors.Count > 0 || !result.Output.Contains(" 0 errors"))
    {
        throw new PackageCheckFailed($"rpmlint exit {result.ExitCode}, errors: {string.Join(", ", errors)}\n{result.Output}");
    }
    var warnings = tags.Where(t => t.Severity == "W").Select(t => t.Tag).ToList();
    RequireDocumented(warnings, "rpmlint");
    return $"0 errors, {warnings.Count} documented warnings ({string.Join(", ", warnings.Distinct())})";
}

List<(string Severity, string Tag)> LintTags(string output, string pattern)
{
    return output.Split('\n')
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, pattern))
        .Where(m => m.Success)
        .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
        .ToList();
}

// Files and links with their permissions. The deb's one extra file, the lintian overrides,
// is Debian-only by nature.
string CheckFileLists(FilePath deb, FilePath rpm)
{
    var debOnly = new[] { "/usr/share/lintian/overrides/praefect" };
    var debEntries = RunToolOrFail("dpkg-deb", new[] { "-c", deb.FullPath }, quiet: true).Output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(f => f[0][0] != 'd')
        .Select(f => f[0] + " " + f[5].TrimStart('.'))
        .Where(e => !debOnly.Contains(e.Split(' ')[1]))
        .OrderBy(e => e, StringComparer.Ordinal).ToList();
    var rpmEntries = RunToolOrFail("rpm", new[] { "-qp", "--qf", "[%{FILEMODES:perms} %{FILENAMES}\\n]", rpm.FullPath }, quiet: true).Output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => l[0] != 'd')
        .OrderBy(e => e, StringComparer.Ordinal).ToList();
    var onlyDeb = debEntries.Except(rpmEntries).ToList();
    var onlyRpm = rpmEntries.Except(debEntries).ToList();
    if (onlyDeb.Count > 0 || onlyRpm.Count > 0 || debEntries.Count == 0)
    {
        throw new PackageCheckFailed($"only in the deb: {string.Join(", ", onlyDeb.Take(20))}; only in the rpm: {string.Join(", ", onlyRpm.Take(20))}");
    }
    return $"{debEntries.Count} files and links, same paths and modes (deb-only: {string.Join(", ", debOnly)})";
}

// sh -n on the scripts as shipped: extracted from the .deb, and the scriptlets as rpm prints them.
string CheckScriptSyntax(FilePath deb, FilePath rpm)
{
    var work = packageWork.Combine("scripts-check");
    EnsureDirectoryDoesNotExist(work, new DeleteDirectorySettings { Recursive = true, Force = true });
    EnsureDirectoryExists(work.Combine("deb"));
    RunToolOrFail("dpkg-deb", new[] { "-e", deb.FullPath, work.Combine("deb").FullPath }, quiet: true);
    var scripts = new List<string>();
    foreach (var name in new[] { "postinst", "prerm", "postrm" })
    {
        var path = work.CombineWithFilePath("deb/" + name).FullPath;
        if (!System.IO.File.Exists(path)) throw new PackageCheckFailed($"the deb has no {name}");
        scripts.Add(path);
    }

    var current = (string)null;
    var bodies = new Dictionary<string, System.Text.StringBuilder>();
    foreach (var line in RunToolOrFail("rpm", new[] { "-qp", "--scripts", rpm.FullPath }, quiet: true).Output.Split('\n'))
    {
        var header = System.Text.RegularExpressions.Regex.Match(line, @"^(\w+) scriptlet \(using ([^)]+)\):$");
        if (header.Success)
        {
            if (header.Groups[2].Value != "/bin/sh") throw new PackageCheckFailed($"rpm {header.Groups[1].Value} runs with {header.Groups[2].Value}, not /bin/sh");
            current = header.Groups[1].Value;
            bodies[current] = new System.Text.StringBuilder();
        }
        else if (current != null) bodies[current].AppendLine(line);
    }
    foreach (var expected in new[] { "postinstall", "preuninstall", "postuninstall" })
    {
        if (!bodies.ContainsKey(expected)) throw new PackageCheckFailed($"the rpm has no {expected} scriptlet");
    }
    foreach (var (name, body) in bodies)
    {
        var path = work.CombineWithFilePath("rpm-" + name).FullPath;
        System.IO.File.WriteAllText(path, body.ToString());
        scripts.Add(path);
    }

    var failures = new List<string>();
    foreach (var script in scripts)
    {
        var result = RunTool("sh", new[] { "-n", script }, quiet: true);
        if (result.ExitCode != 0) failures.Add($"{System.IO.Path.GetFileName(script)}: {result.Output.Trim()}");
    }
    if (failures.Count > 0) throw new PackageCheckFailed(string.Join("; ", failures));
    return $"{scripts.Count} scripts: {string.Join(", ", scripts.Select(s => System.IO.Path.GetFileName(s)))}";
}

string CheckPackageSizes(FilePath deb, FilePath rpm)
{
    var debBytes = new System.IO.FileInfo(deb.FullPath).Length;
    var rpmBytes = new System.IO.FileInfo(rpm.FullPath).Length;
    if (debBytes > MaxDebBytes) throw new PackageCheckFailed($"{deb.GetFilename()} is {debBytes} bytes, more than {MaxDebBytes}");
    return $"deb {debBytes} bytes ({debBytes / 1_000_000.0:F1} MB), rpm {rpmBytes} bytes ({rpmBytes / 1_000_000.0:F1} MB)";
}
