namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>A place in the source text: 0-based offset, 1-based line and column.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column)
{
    public static readonly TextPosition Start = new(0, 1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
