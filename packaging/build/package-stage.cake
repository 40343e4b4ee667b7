// Stages the file tree both packages install: one self-contained linux-x64 publish of praefect AND
// praefect-ctl into /opt/praefect/bin (one shared copy of the runtime), the templates, the
// gitlab.rb template, /usr/bin links, docs and man pages. Modes are normalised here once.
string InstallPrefix = "/opt/praefect";

// Not shipped: debug symbols (size) and the LTTng trace provider, which would drag in
// liblttng-ust; the runtime runs without it (it only loads it when present).
string[] UnshippedPublishFiles = { "*.pdb", "libcoreclrtraceptprovider.so" };

// Files in bin that must be executable; everything else there is data or a dlopen()ed library.
string[] ExecutablesInBin = { "praefect", "praefect-ctl", "createdump" };

void StagePackageRoot(DirectoryPath stage, string version, long epoch)
{
    EnsureDirectoryDoesNotExist(stage, new DeleteDirectorySettings { Recursive = true, Force = true });
    var bin = stage.Combine("opt/praefect/bin");
    PublishInto(bin, version);
    StageTemplates(stage, bin);

    var etc = stage.Combine("opt/praefect/etc");
    EnsureDirectoryExists(etc);
    CopyFile("./packaging/gitlab.rb.template", etc.CombineWithFilePath("gitlab.rb.template"));

    var usrBin = stage.Combine("usr/bin");
    EnsureDirectoryExists(usrBin);
    foreach (var command in new[] { "praefect", "praefect-ctl" })
    {
        // Absolute: the link crosses top-level directories (Debian policy 10.5).
        System.IO.File.CreateSymbolicLink(usrBin.CombineWithFilePath(command).FullPath, $"{InstallPrefix}/bin/{command}");
    }

    var doc = stage.Combine("usr/share/doc/praefect");
    EnsureDirectoryExists(doc);
    CopyFile("./packaging/copyright", doc.CombineWithFilePath("copyright"));
    System.IO.File.WriteAllText(doc.CombineWithFilePath("changelog").FullPath, DebianChangelog(version, epoch));
    GzipInPlace(doc.CombineWithFilePath("changelog"));

    var man = stage.Combine("usr/share/man/man1");
    EnsureDirectoryExists(man);
    foreach (var page in GetFiles("./packaging/man/*.1"))
    {
        var target = man.CombineWithFilePath(page.GetFilename());
        System.IO.File.WriteAllText(target.FullPath, System.IO.File.ReadAllText(page.FullPath).Replace("@VERSION@", version));
        GzipInPlace(target);
    }

    NormaliseModes(stage, bin);
}

void PublishInto(DirectoryPath bin, string version)
{
    // praefect-ctl first, then praefect: the runtime files they share are identical; praefect
    // adds ASP.NET Core on top.
    foreach (var project in new[] { "./src/Praefect.Ctl", "./src/Praefect.Server" })
    {
        DotNetPublish(project, new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = "linux-x64",
            SelfContained = true,
            OutputDirectory = bin,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Version", version),
        });
    }
    foreach (var pattern in UnshippedPublishFiles)
    {
        DeleteFiles(GetFiles(bin.FullPath + "/" + pattern));
    }
    StripSymbolTables(bin);
}

// The runtime ships stripped; a NuGet native library (libe_sqlite3.so) does not. Strip what
// still has a symbol table, as dh_strip would.
void StripSymbolTables(DirectoryPath bin)
{
    foreach (var file in System.IO.Directory.EnumerateFiles(bin.FullPath).Where(IsElf).OrderBy(f => f, StringComparer.Ordinal))
    {
        var sections = RunToolOrFail("readelf", new[] { "-S", "-W", file }, quiet: true).Output;
        if (!sections.Contains(".symtab")) continue;
        RunToolOrFail("strip", new[] { "--strip-unneeded", "--remove-section=.comment", "--remove-section=.note", file }, quiet: true);
    }
}

// The templates go to /opt/praefect/templates, praefect-ctl's last template fallback. A copy
// that the ctl build placed next to the binaries is moved there rather than shipped twice.
void StageTemplates(DirectoryPath stage, DirectoryPath bin)
{
    var target = stage.Combine("opt/praefect/templates");
    var published = bin.Combine("templates");
    if (DirectoryExists(published))
    {
        System.IO.Directory.Move(published.FullPath, target.FullPath);
        return;
    }
    EnsureDirectoryExists(target);
    if (DirectoryExists("./templates")) CopyDirectory("./templates", target);
    else Warning("No templates/ folder in the repository yet: the package ships an empty /opt/praefect/templates.");
}

void GzipInPlace(FilePath file)
{
    RunToolOrFail("gzip", new[] { "-9nf", file.FullPath }, quiet: true);
}

void NormaliseModes(DirectoryPath stage, DirectoryPath bin)
{
    const UnixFileMode directoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    const UnixFileMode fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    foreach (var directory in System.IO.Directory.EnumerateDirectories(stage.FullPath, "*", System.IO.SearchOption.AllDirectories).Append(stage.FullPath))
    {
        System.IO.File.SetUnixFileMode(directory, directoryMode);
    }
    foreach (var file in System.IO.Directory.EnumerateFiles(stage.FullPath, "*", System.IO.SearchOption.AllDirectories))
    {
        if (new System.IO.FileInfo(file).LinkTarget != null) continue;
        var executable = System.IO.Path.GetDirectoryName(file) == bin.FullPath
            && ExecutablesInBin.Contains(System.IO.Path.GetFileName(file));
        System.IO.File.SetUnixFileMode(file, executable ? directoryMode : fileMode);
    }
}

// Every path the packages install, relative to the root, in ordinal order: directories end in '/'.
List<string> StagedEntries(DirectoryPath stage)
{
    var root = stage.FullPath.TrimEnd('/');
    var entries = new List<string>();
    foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(root, "*", System.IO.SearchOption.AllDirectories))
    {
        var relative = entry.Substring(root.Length);
        var info = new System.IO.FileInfo(entry);
        var isDirectory = info.Attributes.HasFlag(System.IO.FileAttributes.Directory) && info.LinkTarget == null;
        entries.Add(isDirectory ? relative + "/" : relative);
    }
    entries.Sort(StringComparer.Ordinal);
    return entries;
}
