// One changelog, packaging/changelog, in Debian format. The .deb ships it (native package:
// changelog.gz); the .rpm gets the same entries converted to %changelog. A build whose version
// is not the newest entry (e.g. the upgrade test's N+1) gets an entry of its own on top.
string DebianChangelog(string version, long epoch)
{
    var text = System.IO.File.ReadAllText("./packaging/changelog");
    var top = System.Text.RegularExpressions.Regex.Match(text, @"^praefect \(([^)]+)\)");
    if (top.Success && top.Groups[1].Value == version) return text;

    var date = DateTimeOffset.FromUnixTimeSeconds(epoch).ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture);
    return $"praefect ({version}) unstable; urgency=medium\n\n  * Build of version {version} (--package-version).\n\n -- {PackageMaintainer}  {date}\n\n" + text;
}

// %changelog entries from the Debian entries: "* Wed Nov 25 2026 Name <mail> - 0.1.0-1" and "- text".
string RpmChangelog(string debianChangelog)
{
    var entries = new List<string>();
    string version = null;
    var items = new List<string>();
    foreach (var line in debianChangelog.Split('\n'))
    {
        var header = System.Text.RegularExpressions.Regex.Match(line, @"^praefect \(([^)]+)\)");
        var trailer = System.Text.RegularExpressions.Regex.Match(line, @"^ -- (.+?)  (.+)$");
        if (header.Success) { version = header.Groups[1].Value; items.Clear(); }
        else if (line.StartsWith("  * ")) items.Add("- " + line.Substring(4).Trim());
        else if (line.StartsWith("    ") && items.Count > 0) items[^1] += " " + line.Trim();
        else if (trailer.Success && version != null)
        {
            var stamp = trailer.Groups[2].Value.Substring(0, trailer.Groups[2].Value.LastIndexOf(' '));
            var when = DateTime.ParseExact(stamp, "ddd, dd MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var day = when.ToString("ddd MMM dd yyyy", System.Globalization.CultureInfo.InvariantCulture);
            entries.Add($"* {day} {trailer.Groups[1].Value} - {version}-1\n" + string.Join("\n", items));
            version = null;
        }
    }
    return string.Join("\n\n", entries);
}
