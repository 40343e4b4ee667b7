namespace Praefect.Datastore;

/// <summary>The change types of jobs that are not a copy (a copy's change type is the mutator's method).</summary>
public static class ChangeTypes
{
    /// <summary>Remove the repository from the target (RemoveRepository on the primary).</summary>
    public const string Delete = "delete";

    /// <summary>Move the repository to <see cref="JobRequest.NewRelativePath"/> on the target (RenameRepository on the primary).</summary>
    public const string Rename = "rename";
}
