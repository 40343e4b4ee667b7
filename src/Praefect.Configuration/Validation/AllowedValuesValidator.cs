using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Keys with a closed set of values: service_manager, logging_level, logging_format, database_sslmode, transactions_quorum.</summary>
internal sealed class AllowedValuesValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var s = context.Settings;
        Check(context, "service_manager", s.ServiceManager, ["runit", "systemd"]);
        Check(context, "logging_level", s.LoggingLevel, ["debug", "info", "warn", "warning", "error", "fatal", "panic"]);
        Check(context, "logging_format", s.LoggingFormat, ["json", "text"]);
        Check(context, "database_sslmode", s.Database.SslMode, ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]);
        Check(context, "transactions_quorum", s.Transactions.Quorum, ["majority", "all", "primary"]);
    }

    private static void Check(ValidationContext context, string key, string value, string[] allowed)
    {
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        var suggestion = DidYouMean.Suggest(value, allowed) ?? allowed[0];
        context.Error(
            SettingsSourceMap.Key(key),
            DiagnosticCodes.InvalidValue,
            $"praefect['{key}'] is '{value}'; set it to one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}, such as '{suggestion}'",
            "values are lower case");
    }
}
