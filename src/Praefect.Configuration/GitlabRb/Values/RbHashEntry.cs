namespace Praefect.Configuration.GitlabRb.Values;

/// <summary>One <c>key =&gt; value</c>. <see cref="Name"/> is the key as text (strings and symbols alike), null for other keys.</summary>
internal sealed record RbHashEntry(RbValue Key, string? Name, RbValue Value);
