using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Praefect.Configuration.Runtime;

/// <summary>Reads config.yml into <see cref="RuntimeConfig"/>; errors carry <c>file:line:col</c>.</summary>
public static class RuntimeConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Loads a file. Returns null and sets <paramref name="error"/> (never throws on bad input).</summary>
    public static RuntimeConfig? LoadFile(string path, out string error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: error: cannot read the runtime config: {e.Message}";
            return null;
        }

        return Load(text, path, out error);
    }

    public static RuntimeConfig? Load(string yaml, string fileName, out string error)
    {
        try
        {
            var config = Deserializer.Deserialize<RuntimeConfig>(yaml) ?? new RuntimeConfig();
            if (config.Version != RuntimeConfig.CurrentVersion)
            {
                error = $"{fileName}:1:1: error: unsupported config version {config.Version}; this praefect reads version {RuntimeConfig.CurrentVersion}. Run 'praefect-ctl reconfigure' to render it again.";
                return null;
            }

            error = "";
            return config;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            error = $"{fileName}:{e.Start.Line}:{e.Start.Column}: error: {message}";
            return null;
        }
    }
}
