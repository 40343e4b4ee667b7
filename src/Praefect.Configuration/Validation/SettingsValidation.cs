namespace Praefect.Configuration.Validation;

/// <summary>Runs every rule over the bound settings; all findings are collected, none stops the rest.</summary>
internal static class SettingsValidation
{
    public static readonly IReadOnlyList<ISettingsValidator> Validators =
    [
        new NoVirtualStorageValidator(),
        new VirtualStorageWithoutNodesValidator(),
        new DuplicateVirtualStorageNameValidator(),
        new NoPrimaryValidator(),
        new MultiplePrimariesValidator(),
        new NodeRequiredFieldsValidator(),
        new NameValidator(),
        new DuplicateStorageNameValidator(),
        new NodeAddressValidator(),
        new DuplicateAddressValidator(),
        new NodeTokenValidator(),
        new ListenAddressValidator(),
        new NoListenerValidator(),
        new TlsListenerValidator(),
        new AuthTokenValidator(),
        new GitDataDirsValidator(),
        new AllowedValuesValidator(),
        new RenderSafetyValidator(),
    ];

    public static void Run(ValidationContext context)
    {
        foreach (var validator in Validators)
        {
            validator.Validate(context);
        }
    }
}
