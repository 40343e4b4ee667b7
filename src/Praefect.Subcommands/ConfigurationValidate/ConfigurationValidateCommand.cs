using System.CommandLine;
using System.Text.Json;
using Praefect.Configuration.Runtime;

namespace Praefect.Subcommands.ConfigurationValidate;

/// <summary>
/// <c>configuration validate &lt; config.yml</c>: reads a runtime config on stdin, applies every rule
/// praefect applies at start and prints the problems as the Go Praefect does, JSON on stdout
/// (<c>{"errors":[{"message":"..."}]}</c>); exit 2 when the config is invalid, 0 when it is valid.
/// </summary>
internal static class ConfigurationValidateCommand
{
    // Readable messages: quotes and apostrophes as themselves, not \u0027 (the JSON stays valid).
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string Name = "configuration";

    public static Command Create(CommandOutput output, TextReader input, Func<RuntimeConfig, IReadOnlyList<string>> rules)
    {
        var validate = new Command("validate", $"""
            Validate a runtime config read on stdin; print the problems as JSON on stdout (exit 2 when there are any).

            Examples:
              {output.Program} configuration validate < /var/opt/gitlab/praefect/config.yml
            """);
        validate.SetAction(_ => Execute(input, rules, output));
        return new Command(Name, $"""
            Manage the runtime config.

            Examples:
              {output.Program} configuration validate < /var/opt/gitlab/praefect/config.yml
            """)
        {
            validate,
        };
    }

    public static int Execute(TextReader input, Func<RuntimeConfig, IReadOnlyList<string>> rules, CommandOutput output)
    {
        var result = RuntimeConfigLoader.Parse(input.ReadToEnd(), "<stdin>");
        var errors = result.Config is null
            ? result.Diagnostics.Select(d => d.ToString()).ToList()
            : rules(result.Config).ToList();
        if (errors.Count == 0)
        {
            return ExitCodes.Ok;
        }

        output.Out.WriteLine(JsonSerializer.Serialize(new { errors = errors.Select(message => new { message }) }, Json));
        return ExitCodes.Usage;
    }
}
