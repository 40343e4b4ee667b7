// Packaging targets, loaded by build.cake:
//   Package      -> artifacts/packages/praefect_<version>_amd64.deb and praefect-<version>-1.x86_64.rpm
//   PackageCheck -> lintian, rpmlint, file lists, sh -n, size, and the install/upgrade test on a
//                   Debian 12 minbase root (see packaging/README.md); results in
//                   artifacts/test-results/PackageCheck.trx, which .ci/run counts.
// Options: --package-version=<x.y.z> overrides <Version> of Directory.Build.props.
#load "package-process.cake"
#load "package-version.cake"
#load "package-changelog.cake"
#load "package-stage.cake"
#load "package-deb.cake"
#load "package-rpm.cake"
#load "package-check.cake"

var PackageMaintainer = "Praefect for .NET <praefect@example.org>";
var PackageHomepage = "https://example.org/praefect";
var packages = artifacts.Combine("packages");
var packageWork = artifacts.Combine("package-build");

// Debian packages the packaging targets need, with the file that proves each is installed.
var packagingPrerequisites = new (string Package, string Probe)[]
{
    ("dpkg-dev", "/usr/bin/dpkg-shlibdeps"),
    ("rpm", "/usr/bin/rpmbuild"),
    ("xz-utils", "/usr/bin/xz"),
    ("binutils", "/usr/bin/strip"),
};
var packageCheckPrerequisites = new (string Package, string Probe)[]
{
    ("lintian", "/usr/bin/lintian"),
    ("rpmlint", "/usr/bin/rpmlint"),
    ("debootstrap", "/usr/sbin/debootstrap"),
    ("curl", "/usr/bin/curl"),
};

// xz level 6 (xz's default) for what we ship; throwaway test builds use 1 (4x faster, ~10% larger).
(FilePath Deb, FilePath Rpm) BuildPackages(string version, DirectoryPath output, bool withRpm, int xzLevel = 6)
{
    var epoch = SourceDateEpoch();
    var stage = packageWork.Combine($"stage-{version}");
    StagePackageRoot(stage, version, epoch);
    var deb = BuildDeb(stage, packageWork, output, version, epoch, xzLevel);
    var rpm = withRpm ? BuildRpm(stage, packageWork, output, version, epoch, xzLevel) : null;
    return (deb, rpm);
}

Task("Package")
    .Description("Builds the .deb and .rpm into artifacts/packages (self-contained linux-x64; --package-version to override).")
    .Does(() =>
{
    InstallDebianPackages(packagingPrerequisites.Where(p => !System.IO.File.Exists(p.Probe)).Select(p => p.Package));
    var version = ReadPackageVersion();
    EnsureDirectoryDoesNotExist(packages, new DeleteDirectorySettings { Recursive = true, Force = true });
    var (deb, rpm) = BuildPackages(version, packages, withRpm: true);
    Information($"{deb.GetFilename()}: {new System.IO.FileInfo(deb.FullPath).Length / 1048576.0:F1} MiB");
    Information($"{rpm.GetFilename()}: {new System.IO.FileInfo(rpm.FullPath).Length / 1048576.0:F1} MiB");
});

Task("PackageCheck")
    .Description("Checks the packages: lintian, rpmlint, file lists, sh -n, size, install and upgrade test.")
    .IsDependentOn("Package")
    .Does(() =>
{
    InstallDebianPackages(packageCheckPrerequisites.Where(p => !System.IO.File.Exists(p.Probe)).Select(p => p.Package));
    RunPackageChecks(ReadPackageVersion());
});
