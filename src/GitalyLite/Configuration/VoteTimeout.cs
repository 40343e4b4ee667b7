namespace GitalyLite.Configuration;

/// <summary>The vote timeout's rule, shared by the flag and the config file: more than 0 and at most 1 hour.</summary>
internal static class VoteTimeout
{
    public static bool TryFromSeconds(double seconds, out TimeSpan timeout, out string error)
    {
        timeout = NodeOptions.DefaultVoteTimeout;
        if (double.IsNaN(seconds) || seconds <= 0 || seconds > 3600)
        {
            error = $"{seconds} s is out of range; give more than 0 and at most 3600 seconds (default 30)";
            return false;
        }

        timeout = TimeSpan.FromSeconds(seconds);
        error = "";
        return true;
    }
}
