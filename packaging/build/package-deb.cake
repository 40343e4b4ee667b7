// The .deb: the staged root plus DEBIAN/ (control, maintainer scripts, md5sums) and the lintian
// overrides, built by dpkg-deb with xz, files owned by root.
FilePath BuildDeb(DirectoryPath stage, DirectoryPath work, DirectoryPath output, string version, long epoch, int xzLevel)
{
    var root = work.Combine("deb-root");
    EnsureDirectoryDoesNotExist(root, new DeleteDirectorySettings { Recursive = true, Force = true });
    EnsureDirectoryExists(root.GetParent());
    RunToolOrFail("cp", new[] { "-al", stage.FullPath, root.FullPath }, quiet: true);

    var overrides = root.Combine("usr/share/lintian/overrides");
    EnsureDirectoryExists(overrides);
    CopyFile("./packaging/debian/lintian-overrides", overrides.CombineWithFilePath("praefect"));
    System.IO.File.SetUnixFileMode(overrides.CombineWithFilePath("praefect").FullPath, (UnixFileMode)0b110_100_100);
    foreach (var directory in new[] { "usr/share/lintian", "usr/share/lintian/overrides" })
    {
        System.IO.File.SetUnixFileMode(root.Combine(directory).FullPath, (UnixFileMode)0b111_101_101);
    }

    var control = root.Combine("DEBIAN");
    EnsureDirectoryExists(control);
    System.IO.File.SetUnixFileMode(control.FullPath, (UnixFileMode)0b111_101_101);
    foreach (var script in new[] { "postinst", "prerm", "postrm" })
    {
        var target = control.CombineWithFilePath(script);
        System.IO.File.WriteAllText(target.FullPath, MaintainerScript(script));
        System.IO.File.SetUnixFileMode(target.FullPath, (UnixFileMode)0b111_101_101);
    }
    WriteDebianFile(control.CombineWithFilePath("md5sums"), Md5Sums(root));
    WriteDebianFile(control.CombineWithFilePath("control"), System.IO.File.ReadAllText("./packaging/debian/control.in")
        .Replace("@VERSION@", version)
        .Replace("@MAINTAINER@", PackageMaintainer)
        .Replace("@HOMEPAGE@", PackageHomepage)
        .Replace("@INSTALLED_SIZE@", InstalledSizeKiB(root).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("@DEPENDS@", DebianDepends(root, work)));

    EnsureDirectoryExists(output);
    var deb = output.CombineWithFilePath($"praefect_{version}_amd64.deb");
    RunToolOrFail("dpkg-deb", new[] { "--root-owner-group", "-Zxz", "-z" + xzLevel, "--build", root.FullPath, deb.FullPath },
        environment: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    return deb;
}

// A maintainer script as shipped: packaging/debian/functions.sh in place of #PRAEFECT_FUNCTIONS#.
string MaintainerScript(string name)
{
    var functions = System.IO.File.ReadAllText("./packaging/debian/functions.sh").TrimEnd('\n');
    return System.IO.File.ReadAllText("./packaging/debian/" + name).Replace("#PRAEFECT_FUNCTIONS#", functions);
}

void WriteDebianFile(FilePath path, string text)
{
    System.IO.File.WriteAllText(path.FullPath, text);
    System.IO.File.SetUnixFileMode(path.FullPath, (UnixFileMode)0b110_100_100);
}

string Md5Sums(DirectoryPath root)
{
    var lines = new List<string>();
    foreach (var entry in StagedEntries(root))
    {
        if (entry.EndsWith("/") || entry.StartsWith("/DEBIAN/")) continue;
        var path = root.FullPath + entry;
        if (new System.IO.FileInfo(path).LinkTarget != null) continue;
        using var stream = System.IO.File.OpenRead(path);
        lines.Add(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(stream)).ToLowerInvariant() + "  " + entry.TrimStart('/'));
    }
    return string.Join("\n", lines) + "\n";
}

// What dpkg would compute: KiB per file, rounded up, plus one per directory.
long InstalledSizeKiB(DirectoryPath root)
{
    long total = 0;
    foreach (var entry in StagedEntries(root))
    {
        if (entry.StartsWith("/DEBIAN/")) continue;
        var info = new System.IO.FileInfo(root.FullPath + entry);
        total += entry.EndsWith("/") || info.LinkTarget != null ? 1 : (info.Length + 1023) / 1024;
    }
    return total;
}

// Shared-library dependencies as dpkg-shlibdeps finds them in our ELF files, plus libssl3, which
// the runtime dlopen()s (HMAC auth tokens, TLS) and so no ELF header names. The install test
// on a minbase root proves the list complete.
string DebianDepends(DirectoryPath root, DirectoryPath work)
{
    var shlibs = work.Combine("shlibdeps");
    EnsureDirectoryExists(shlibs.Combine("debian"));
    System.IO.File.WriteAllText(shlibs.CombineWithFilePath("debian/control").FullPath,
        "Source: praefect\n\nPackage: praefect\nArchitecture: amd64\n");
    var elfFiles = System.IO.Directory.EnumerateFiles(root.Combine("opt/praefect/bin").FullPath)
        .Where(IsElf).OrderBy(f => f, StringComparer.Ordinal).ToList();
    var result = RunToolOrFail("dpkg-shlibdeps", new[] { "-O", "--warnings=1" }.Concat(elfFiles.Select(f => "-e" + f)),
        workingDirectory: shlibs.FullPath, quiet: true);
    var line = result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("shlibs:Depends="))
        ?? throw new CakeException("dpkg-shlibdeps printed no shlibs:Depends line:\n" + result.Output);
    return line.Substring("shlibs:Depends=".Length).Trim() + ", libssl3";
}

bool IsElf(string path)
{
    using var stream = System.IO.File.OpenRead(path);
    var magic = new byte[4];
    return stream.Read(magic, 0, 4) == 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F';
}
