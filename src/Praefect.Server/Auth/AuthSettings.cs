using Praefect.Configuration.Runtime;

namespace Praefect.Server.Auth;

/// <summary>The current <c>auth</c> section; swapped as a whole on reload.</summary>
internal sealed class AuthSettings(AuthConfig config)
{
    private volatile Snapshot _current = new(config.Token, config.Transitioning);

    public Snapshot Current => _current;

    public void Apply(AuthConfig config) => _current = new Snapshot(config.Token, config.Transitioning);

    /// <param name="Token">Secret; empty disables authentication.</param>
    internal sealed record Snapshot(string Token, bool Transitioning)
    {
        public bool Enabled => Token.Length > 0;
    }
}
