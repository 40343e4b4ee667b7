using GitalyLite.Hosting;

namespace GitalyLite.Cli;

/// <summary><c>gitaly-lite serve</c>: parse, validate, run the node until stopped. Exit 0 ok, 1 failed, 2 usage.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
        if (arguments.Contains("--help") || arguments.Contains("-h"))
        {
            Console.Out.WriteLine(ServeCommandLine.Usage);
            return 0;
        }

        var errors = new List<string>();
        var options = ServeCommandLine.Parse(arguments, Environment.GetEnvironmentVariable, errors);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine("gitaly-lite: error: " + error);
            }

            Console.Error.WriteLine(ServeCommandLine.Usage);
            return 2;
        }

        try
        {
            await NodeHost.Build(options).RunAsync();
            return 0;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("gitaly-lite: error: cannot listen: " + e.Message);
            return 1;
        }
    }
}
