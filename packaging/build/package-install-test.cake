// The install and upgrade test (packaging/test/install-test.sh) on a Debian 12 minbase root in
// a chroot. Needs root; builds version N+1 for the upgrade. Each step the script reports
// becomes one result.
void RunInstallTest(PackageCheckResults results, string version, FilePath deb)
{
    const string name = "install test (debootstrap chroot)";
    if (!IsRoot())
    {
        results.Run(name, () => throw new PackageCheckSkipped("needs root (chroot, dpkg in the root); run ./build.sh packagecheck as root"));
        return;
    }
    var next = NextPackageVersion(version);
    FilePath nextDeb = null;
    results.Run($"build N+1 ({next}) for the upgrade test", () =>
    {
        nextDeb = BuildPackages(next, packageWork.Combine("upgrade"), withRpm: false, xzLevel: 1).Deb;
        return nextDeb.GetFilename().ToString();
    });
    if (nextDeb == null) return;

    var resultsFile = packageWork.CombineWithFilePath("install-test.results");
    if (FileExists(resultsFile)) DeleteFile(resultsFile);
    var start = DateTime.UtcNow;
    var run = RunTool("sh", new[]
    {
        "./packaging/test/install-test.sh",
        deb.FullPath, nextDeb.FullPath,
        MakeAbsolute(Directory("./.cache")).FullPath,
        resultsFile.FullPath,
    });
    var reported = FileExists(resultsFile) ? System.IO.File.ReadAllLines(resultsFile.FullPath) : Array.Empty<string>();
    foreach (var line in reported)
    {
        // outcome <TAB> step <TAB> message <TAB> seconds
        var fields = line.Split('\t');
        if (fields.Length < 4) continue;
        var outcome = fields[0] switch { "pass" => "Passed", "skip" => "NotExecuted", _ => "Failed" };
        var end = start.AddSeconds(double.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
        results.Add(new PackageCheckResult("install test: " + fields[1], outcome, fields[2], start, end));
        start = end;
    }
    if (run.ExitCode != 0 && !reported.Any(l => l.StartsWith("fail\t")))
    {
        results.Add(new PackageCheckResult(name, "Failed", $"install-test.sh exited {run.ExitCode} without reporting a failed step; see its output above", start, DateTime.UtcNow));
    }
}
