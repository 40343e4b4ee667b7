namespace Praefect.Configuration.Validation;

/// <summary>Runs every rule over the bound settings; all findings are collected, none stops the rest.</summary>
internal static class SettingsValidation
{
    public static readonly IReadOnlyList<ISettingsValidator> Validators =
    [
    ];

    public static void Run(ValidationContext context)
    {
        foreach (var validator in Validators)
        {
            validator.Validate(context);
        }
    }
}
