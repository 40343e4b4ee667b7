using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.Binding;

/// <summary>
/// One value for a flat <c>praefect[...]</c> key, written either as that key or inside
/// <c>praefect['configuration']</c>. <see cref="Subject"/> names it the way it was written.
/// </summary>
internal sealed record FlatAssignment(string Key, RbValue Value, TextPosition At, string Subject, bool InConfiguration);
