using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb;

/// <summary>A top-level name of gitlab.rb (<c>praefect</c>, <c>git_data_dirs</c>) with where it first appears.</summary>
internal sealed record TopLevelSetting(string Name, SourceSpan NameSpan, RbValue Value);
