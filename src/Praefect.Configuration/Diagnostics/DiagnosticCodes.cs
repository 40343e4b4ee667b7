namespace Praefect.Configuration.Diagnostics;

/// <summary>Stable codes for <see cref="Diagnostic.Code"/>; CI and tests match on them.</summary>
public static class DiagnosticCodes
{
    // Reading and syntax.
    public const string FileUnreadable = "file-unreadable";
    public const string UnexpectedCharacter = "unexpected-character";
    public const string UnterminatedString = "unterminated-string";
    public const string UnterminatedArray = "unterminated-array";
    public const string UnterminatedHash = "unterminated-hash";
    public const string UnterminatedParenthesis = "unterminated-parenthesis";
    public const string UnterminatedWordList = "unterminated-word-list";
    public const string InvalidEscape = "invalid-escape";
    public const string InvalidNumber = "invalid-number";
    public const string MissingComma = "missing-comma";
    public const string Syntax = "syntax";
    public const string NestingTooDeep = "nesting-too-deep";
    public const string Placeholder = "placeholder";
    public const string UnknownConstant = "unknown-constant";
    public const string UnknownMethod = "unknown-method";
    public const string UnsupportedRuby = "unsupported-ruby";
    public const string UnsupportedInterpolation = "unsupported-interpolation";
    public const string UndefinedName = "undefined-name";
    public const string EnvNotSet = "env-not-set";
    public const string Arithmetic = "arithmetic";
    public const string InvalidKey = "invalid-key";

    // Binding.
    public const string UnknownKey = "unknown-key";
    public const string IgnoredKey = "ignored-key";
    public const string WrongType = "wrong-type";
    public const string InvalidValue = "invalid-value";
    public const string Deprecated = "deprecated";
    public const string ConflictingKeys = "conflicting-keys";
    public const string DefaultPort = "default-port";
    public const string DefaultPrimary = "default-primary";
    public const string DuplicateKey = "duplicate-key";
    public const string InvalidEncoding = "invalid-encoding";

    // Validation.
    public const string NoVirtualStorage = "no-virtual-storage";
    public const string NoNodes = "no-nodes";
    public const string NoPrimary = "no-primary";
    public const string MultiplePrimaries = "multiple-primaries";
    public const string DuplicateStorage = "duplicate-storage";
    public const string DuplicateVirtualStorage = "duplicate-virtual-storage";
    public const string MissingStorage = "missing-storage";
    public const string MissingAddress = "missing-address";
    public const string InvalidAddress = "invalid-address";
    public const string InvalidListenAddress = "invalid-listen-address";
    public const string NoListener = "no-listener";
    public const string TlsIncomplete = "tls-incomplete";
    public const string AuthDisabled = "auth-disabled";
    public const string MissingToken = "missing-token";
    public const string DuplicateAddress = "duplicate-address";
    public const string InvalidName = "invalid-name";
    public const string GitDataDirsMismatch = "git-data-dirs-mismatch";
}
