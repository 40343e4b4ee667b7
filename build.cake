// The build: ./build.sh <target>. Targets: Bootstrap, Build, Test, Publish (and Package, Demo).
// Target names are case-insensitive on the command line.
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var solution = "./Praefect.sln";
var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");

// Debian packages the build and the tests need, with the file that proves each is installed.
var prerequisites = new (string Package, string Probe)[]
{
    ("golang-gitaly-proto-dev", "/usr/share/gocode/src/gitlab.com/gitlab-org/gitaly-proto/shared.proto"),
    ("git", "/usr/bin/git"),
};

// What ./build.sh test and ./build.sh demo use besides: runit (the demo runs the services under
// runsvdir, the runit service tests drive real sv/runsv).
var servicePrerequisites = new (string Package, string Probe)[]
{
    ("runit", "/usr/bin/runsvdir"),
};

bool IsRoot() => System.Environment.UserName == "root";

void InstallDebianPackages(IEnumerable<string> packages)
{
    var missing = packages.ToList();
    if (missing.Count == 0) return;
    var command = "apt-get update && apt-get install -y --no-install-recommends " + string.Join(" ", missing);
    if (!IsRoot())
    {
        throw new CakeException($"Missing build prerequisites: {string.Join(", ", missing)}. Install them with:\n  sudo sh -c '{command}'");
    }
    Information($"Installing {string.Join(", ", missing)} ...");
    var exit = StartProcess("sh", new ProcessSettings { Arguments = $"-c \"DEBIAN_FRONTEND=noninteractive {command}\"" });
    if (exit != 0) throw new CakeException($"'{command}' failed with exit code {exit}.");
}

Task("Bootstrap")
    .Description("Checks the build prerequisites and installs the missing ones (as root) or prints the command.")
    .Does(() =>
{
    InstallDebianPackages(prerequisites.Where(p => !System.IO.File.Exists(p.Probe)).Select(p => p.Package));
    Information("Prerequisites present: " + string.Join(", ", prerequisites.Select(p => p.Package)));
});

Task("Bootstrap-Services")
    .Description("Installs what the tests and the demo run besides the build (runit), as root, or prints the command.")
    .IsDependentOn("Bootstrap")
    .Does(() =>
{
    InstallDebianPackages(servicePrerequisites.Where(p => !System.IO.File.Exists(p.Probe)).Select(p => p.Package));
    Information("Service tools present: " + string.Join(", ", servicePrerequisites.Select(p => p.Package)));
});

Task("Build")
    .IsDependentOn("Bootstrap")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Bootstrap-Services")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failed = false;
    foreach (var project in GetFiles("./tests/*/*.Tests.csproj").OrderBy(p => p.FullPath))
    {
        var name = project.GetFilenameWithoutExtension().ToString();
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                Loggers = { $"trx;LogFileName={name}.trx", "console;verbosity=normal" },
                ResultsDirectory = testResults,
                // Every test has a 5 min NUnit timeout (Directory.Build.props); a test host stuck beyond
                // that (a fixture set-up, a teardown, a dead-locked runner) is killed and named here.
                ArgumentCustomization = args => args
                    .Append("--blame-hang-timeout").Append("10m")
                    .Append("--blame-hang-dump-type").Append("none"),
            });
        }
        catch (Exception e)
        {
            failed = true;
            Error($"{name}: {e.Message}");
        }
    }
    if (failed) throw new CakeException("Some tests failed; see the output above and artifacts/test-results/*.trx.");
});

Task("Publish")
    .IsDependentOn("Build")
    .Description("Self-contained linux-x64 builds of every executable into artifacts/publish/<name>.")
    .Does(() =>
{
    foreach (var project in new[] { "src/Praefect.Server", "src/Praefect.Ctl", "src/GitalyLite" })
    {
        var name = System.IO.Path.GetFileName(project);
        DotNetPublish(project, new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = "linux-x64",
            SelfContained = true,
            OutputDirectory = artifacts.Combine("publish").Combine(name),
        });
    }
});

Task("Demo")
    .IsDependentOn("Bootstrap-Services")
    .IsDependentOn("Build")
    .Description("A local cluster from docs/examples/gitlab.rb: three gitaly-lite nodes, praefect, a real push, replication, failover, clone. --keep leaves it running.")
    .Does(() =>
{
    var arguments = HasArgument("keep") ? " --keep" : "";
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = $"run --project build/Praefect.Demo -c {configuration} --no-build --{arguments}" });
    if (exit != 0) throw new CakeException($"The demo failed (exit {exit}); its output above names the step and where the logs are.");
});

Task("Demo-Stop")
    .Description("Stops a demo cluster left running by './build.sh demo --keep'.")
    .Does(() =>
{
    StartProcess("dotnet", new ProcessSettings { Arguments = $"run --project build/Praefect.Demo -c {configuration} --no-build -- stop" });
});

#load "./packaging/build/package.cake"

Task("Default").IsDependentOn("Build");

RunTarget(target);
