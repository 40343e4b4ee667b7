using Praefect.Demo;

// ./build.sh demo [--keep]: see DemoRunner. "stop" stops a cluster left running by --keep.
var root = FindRepositoryRoot(Environment.CurrentDirectory);
if (args.Contains("stop"))
{
    await new Services(Path.Combine(root, "sandbox")).StopAllAsync();
    Console.WriteLine("stopped the demo cluster");
    return 0;
}

return await new DemoRunner(root, keep: args.Contains("--keep")).RunAsync();

static string FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Praefect.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("run the demo from inside the repository (no Praefect.sln above " + start + ")");
}
