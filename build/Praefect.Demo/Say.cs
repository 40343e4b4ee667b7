namespace Praefect.Demo;

/// <summary>The demo's output: steps, commands and their output, indented under the step.</summary>
internal static class Say
{
    public static void Step(int number, string title, string proves)
    {
        Console.WriteLine();
        Console.WriteLine($"==> Step {number}: {title}");
        Console.WriteLine($"    proves: {proves}");
    }

    public static void Command(string line) => Console.WriteLine("    $ " + line);

    public static void Output(string text)
    {
        foreach (var line in text.TrimEnd().Split('\n'))
        {
            Console.WriteLine("      " + line.TrimEnd('\r'));
        }
    }

    public static void Info(string text) => Console.WriteLine("    " + text);
}
