// The .rpm: rpmbuild copies the same staged root into its buildroot; the spec's %files is the
// staged file list, its scriptlets the Debian maintainer scripts with RPM's arguments mapped.
FilePath BuildRpm(DirectoryPath stage, DirectoryPath work, DirectoryPath output, string version, long epoch, int xzLevel)
{
    var topdir = work.Combine("rpm");
    EnsureDirectoryDoesNotExist(topdir, new DeleteDirectorySettings { Recursive = true, Force = true });
    EnsureDirectoryExists(topdir);
    EnsureDirectoryExists(output);

    var spec = topdir.CombineWithFilePath("praefect.spec");
    var changelog = RpmChangelog(DebianChangelog(version, epoch));
    System.IO.File.WriteAllText(spec.FullPath, System.IO.File.ReadAllText("./packaging/rpm/praefect.spec.in")
        .Replace("@VERSION@", version)
        .Replace("@XZ_LEVEL@", xzLevel.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("@MAINTAINER@", PackageMaintainer)
        .Replace("@HOMEPAGE@", PackageHomepage)
        .Replace("@STAGE@", stage.FullPath)
        .Replace("@POSTINST@", ScriptletBody("postinst"))
        .Replace("@PRERM@", ScriptletBody("prerm"))
        .Replace("@POSTRM@", ScriptletBody("postrm"))
        .Replace("@FILES@", RpmFileList(stage))
        .Replace("@CHANGELOG@", changelog));

    RunToolOrFail("rpmbuild", new[]
    {
        "-bb", "--target", "x86_64",
        "--define", "_topdir " + topdir.FullPath,
        "--define", "_rpmdir " + output.FullPath,
        "--define", "_build_name_fmt %{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}.rpm",
        "--define", "use_source_date_epoch_as_buildtime 1",
        "--define", "clamp_mtime_to_source_date_epoch 1",
        spec.FullPath,
    }, environment: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) }, quiet: true);
    return output.CombineWithFilePath($"praefect-{version}-1.x86_64.rpm");
}

// The Debian script without its shebang; the spec puts the argument mapping in front.
string ScriptletBody(string script)
{
    var lines = MaintainerScript(script).Split('\n');
    return string.Join("\n", lines.SkipWhile(l => l.StartsWith("#!")));
}

// Our directories (%dir) and every file; system directories such as /usr/bin stay unowned.
string RpmFileList(DirectoryPath stage)
{
    var ours = new[] { "/opt/praefect/", "/usr/share/doc/praefect/" };
    var lines = new List<string>();
    foreach (var entry in StagedEntries(stage))
    {
        if (entry.EndsWith("/"))
        {
            if (ours.Any(o => entry.StartsWith(o))) lines.Add("%dir " + entry.TrimEnd('/'));
        }
        else
        {
            lines.Add(entry);
        }
    }
    return string.Join("\n", lines);
}
