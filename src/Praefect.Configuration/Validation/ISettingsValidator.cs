namespace Praefect.Configuration.Validation;

/// <summary>One validation rule. It adds every finding to the context and never stops the others.</summary>
internal interface ISettingsValidator
{
    void Validate(ValidationContext context);
}
