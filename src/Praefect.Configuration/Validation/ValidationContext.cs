using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Validation;

/// <summary>What a validator sees: the bound settings, where each was written, and the list to add to.</summary>
internal sealed record ValidationContext(PraefectSettings Settings, SettingsSourceMap Map, DiagnosticBag Bag)
{
    public void Error(string path, string code, string message, string hint) => Bag.Error(Map[path], code, message, hint);

    public void Warning(string path, string code, string message, string hint) => Bag.Warning(Map[path], code, message, hint);

    public void Error(TextPosition at, string code, string message, string hint) => Bag.Error(at, code, message, hint);

    public void Warning(TextPosition at, string code, string message, string hint) => Bag.Warning(at, code, message, hint);

    /// <summary>Node rules apply once Praefect is enabled or any node is configured.</summary>
    public bool PraefectConfigured => Settings.Enable || Settings.VirtualStorages.Count > 0;
}
