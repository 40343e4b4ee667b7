using Praefect.Configuration.GitlabRb;

namespace Praefect.Configuration.Tests.GitlabRb;

/// <summary>Bad input, one line or a few, and every diagnostic it must produce: position, severity, message.</summary>
public sealed class BadInputTableTests
{
    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["A"] = "a" };

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("praefect['x'] = [1 2]", "1:10: error: unknown key praefect['x']\n1:19: error: missing ',' between array elements"),
        new TestCaseData("praefect['x'] = { 'a' => 1 'b' => 2 }", "1:10: error: unknown key praefect['x']\n1:27: error: missing ',' between hash entries"),
        new TestCaseData("praefect['x'] = 'abc", "1:10: error: unknown key praefect['x']\n1:17: error: unterminated string: the quote is never closed"),
        new TestCaseData("praefect['x'] = \"abc", "1:10: error: unknown key praefect['x']\n1:17: error: unterminated string: the quote is never closed"),
        new TestCaseData("praefect['x'] = [1, 2", "1:10: error: unknown key praefect['x']\n1:17: error: unterminated array: '[' is never closed"),
        new TestCaseData("praefect['x'] = { 'a' => 1", "1:10: error: unknown key praefect['x']\n1:17: error: unterminated hash: '{' is never closed"),
        new TestCaseData("git_data_dirs({ 'a' => 1 }", "1:14: error: unterminated parenthesis: '(' is never closed\n1:24: error: git_data_dirs['a'] must be a hash, not an integer"),
        new TestCaseData("praefect['database_password'] = PRAEFECT_SQL_PASSWORD", "1:33: error: unknown constant 'PRAEFECT_SQL_PASSWORD'"),
        new TestCaseData("praefect['auth_token'] = foo", "1:26: error: unknown method or variable 'foo'"),
        new TestCaseData("praefect['auth_token'] = File.read('/x')", "1:26: error: unknown constant 'File'"),
        new TestCaseData("praefect['auth_token'] = ...", "1:26: error: '...' is a placeholder from the documentation, not a value"),
        new TestCaseData("...", "1:1: error: '...' is a placeholder from the documentation, not a setting"),
        new TestCaseData("praefect['auth_token'] = \"#{1 + 1}\"", "1:29: error: only ENV values can be interpolated in a string"),
        new TestCaseData("praefcet['enable'] = true", "1:1: error: undefined name 'praefcet'; did you mean 'praefect'?"),
        new TestCaseData("extrenal_url 'https://x'", "1:1: error: unknown method 'extrenal_url'; did you mean 'external_url'?"),
        new TestCaseData("praefect['enable'] = true; praefect['enabel'] = 1", "1:22: error: praefect is enabled but has no virtual storage; set praefect['virtual_storages'] = { 'praefect' => { 'praefect-git-1' => { 'address' => 'tcp://host:8075', 'primary' => true } } }\n1:37: error: unknown key praefect['enabel']; did you mean 'enable'?"),
        new TestCaseData("praefect['enable'] == true", "1:20: error: '==' compares; it does not set a value"),
        new TestCaseData("praefect['enable'] << 'a'", "1:20: error: appending with '<<' is not supported"),
        new TestCaseData("praefect['enable'] ||= true", "1:20: error: '||=' is not supported"),
        new TestCaseData("listen_addr = 'localhost:2305'", "1:1: error: local variable 'listen_addr' is not supported"),
        new TestCaseData("praefect['svlogd_num'] = 1 +", "2:1: error: expected a value, found end of file"),
        new TestCaseData("praefect['svlogd_num'] = 1 / 0", "1:28: error: division by zero"),
        new TestCaseData("praefect['svlogd_num'] = 'a' * 2", "1:30: error: cannot apply '*' to a string and an integer"),
        new TestCaseData("praefect['svlogd_size'] = 9223372036854775807 + 1", "1:47: error: integer overflow: the result is larger than 9223372036854775807"),
        new TestCaseData("praefect['svlogd_size'] = 99999999999999999999", "1:27: error: invalid number '99999999999999999999'"),
        new TestCaseData("praefect['svlogd_size'] = 1__0", "1:27: error: invalid number '1__0'"),
        new TestCaseData("praefect['svlogd_size'] = 10m", "1:27: error: invalid number '10m'"),
        new TestCaseData("praefect['svlogd_size'] = 089", "1:27: error: invalid number '089'"),
        new TestCaseData("praefect['auth_token'] = \"\\x\"", "1:27: error: invalid escape '\\x': expected a hex digit"),
        new TestCaseData("praefect['auth_token'] = \"\\u12\"", "1:27: error: invalid escape '\\u': expected four hex digits or {...}"),
        new TestCaseData("gitlab_rails['x'] = %w(a b", "1:21: error: unterminated word list: '%w(' is never closed"),
        new TestCaseData("praefect['auth_token'] = ENV.fetch('PRAEFECT_TABLE_UNSET')", "1:26: error: environment variable 'PRAEFECT_TABLE_UNSET' is not set"),
        new TestCaseData("praefect['auth_token'] = ENV.fetch('A', 'b', 'c')", "1:30: error: ENV.fetch takes a name and an optional default, not 3 arguments"),
        new TestCaseData("praefect['auth_token'] = ENV.keys", "1:30: error: 'ENV.keys' is not supported"),
        new TestCaseData("praefect['auth_token'] = ENV", "1:26: error: ENV must name a variable"),
        new TestCaseData("praefect['auth_token'] = ENV[1]", "1:30: error: an environment variable name must be a string, not an integer"),
        new TestCaseData("praefect['auth_token'] = \"#{ENV['X'] 'y'}\"", "1:38: error: unexpected string (1 character) in the interpolation"),
        new TestCaseData("gitlab_rails['x'] = { a: }", "1:26: error: expected a value, found '}'"),
        new TestCaseData("gitlab_rails['x'] = { 'a' 1 }", "1:27: error: expected '=>' after the hash key, found '1'"),
        new TestCaseData("gitlab_rails['x'] = [1, , 2]", "1:25: error: expected a value, found ','"),
        new TestCaseData("gitlab_rails['x'] = a: 1", "1:21: error: unexpected 'a:' outside a hash"),
        new TestCaseData("gitlab_rails['x'] = <<~EOS", "1:21: error: unterminated heredoc: no line 'EOS' ends it"),
        new TestCaseData("gitlab_rails['x'] = @x", "1:21: error: expected a value, found '@'"),
        new TestCaseData("gitlab_rails[1] = 2", "1:14: error: gitlab_rails[...] has an integer as key; keys must be strings or symbols"),
        new TestCaseData("praefect[1] = 'x'\npraefect[nil] = 2", "1:10: error: praefect[...] has an integer as key; keys must be strings or symbols\n2:10: error: praefect[...] has nil as key; keys must be strings or symbols"),
        new TestCaseData("gitlab_rails['a'] = 1\ngitlab_rails['a']['b'] = 2", "2:19: error: gitlab_rails['a'] is an integer, so it cannot hold the key 'b'"),
        new TestCaseData("if praefect['enable']", "1:1: error: Ruby code ('if') is not supported: gitlab.rb is read as data"),
        new TestCaseData("gitlab_rails['x'] = :\"x#{ENV['A']}\"", "1:21: error: interpolation in a symbol is not supported"),
        new TestCaseData("gitlab_rails['x'] = 1.5.to_i", "1:25: error: method call '.to_i' on a value is not supported"),
        new TestCaseData("gitlab_rails['x'] = [1][0]", "1:24: error: indexing a value with [...] is not supported"),
        new TestCaseData("gitlab_rails['x'] = -'x'", "1:21: error: cannot negate a string"),
        new TestCaseData("gitlab_rails['x'] = (1 + 2", "1:21: error: unterminated parenthesis: '(' is never closed"),
        new TestCaseData("=begin\nabc", "1:1: error: '=begin' comment is never closed"),
        new TestCaseData("Praefect = 1", "1:1: error: unexpected constant 'Praefect' at the start of a statement"),
        new TestCaseData("gitlab_rails['x'] = 1 2", "1:23: error: unexpected '2' after the end of the statement"),
        new TestCaseData("praefect.enable = true", "1:10: error: method call 'praefect.enable' is not supported"),
        new TestCaseData("praefect['enable'] = 'yes'", "1:22: error: praefect['enable'] must be true or false, not a string"),
        new TestCaseData("praefect['database_port'] = 70000", "1:29: error: praefect['database_port'] is 70000, outside 1..65535"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => 'yes' } } }", "1:107: error: virtual storage 'p': node 'a' has 'primary' set to a string; it must be true or false"),
        new TestCaseData("gitlab_rails['x'] = 2 ** -1", "1:23: error: negative exponent on an integer"),
        new TestCaseData("gitlab_rails['x'] = \"a\" \"b\" 1", "1:29: error: unexpected '1' after the end of the statement"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't' } } }", "1:34: error: virtual storage 'p' has no primary node; set 'primary' => true on one node, such as 'a'"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'http://a', 'token' => 't', 'primary' => true } } }", "1:65: error: virtual storage 'p': node 'a' has address 'http://a', which is not tcp://host:port, tls://host:port or unix:/path; set 'address' => 'tcp://host:8075'"),
        new TestCaseData("praefect['listen_addr'] = 'localhost'", "1:27: error: praefect['listen_addr'] is 'localhost', which is not host:port; set praefect['listen_addr'] = 'localhost:2305'"),
        new TestCaseData("praefect['service_manager'] = 'upstart'", "1:31: error: praefect['service_manager'] is 'upstart'; set it to one of 'runit', 'systemd', such as 'runit'"),
        new TestCaseData("praefect['storage_nodes'] = 'gitaly-1'", "1:29: error: praefect['storage_nodes'] must be an array of node hashes, not a string"),
        new TestCaseData("gitlab_rails['x'] = [\n  'a',\n  'b'\n  'c',\n]", "3:6: error: missing ',' between array elements"),
        new TestCaseData("gitlab_rails['x'] = {\n  'a' => 1,\n  'b' => [1,\ngitlab_rails['y'] = 2", "1:21: error: unterminated hash: '{' is never closed\n3:10: error: unterminated array: '[' is never closed"),    ];

    [TestCaseSource(nameof(Cases))]
    public void ReadText_BadInput_ReportsExactDiagnostics(string input, string expected)
    {
        var result = GitlabRbReader.ReadText(input + "\n", "t.rb", Environment);

        var actual = string.Join("\n", result.Diagnostics.Select(d => $"{d.Line}:{d.Column}: {(d.Severity == Configuration.Diagnostics.Severity.Error ? "error" : "warning")}: {d.Message}"));
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(result.HasErrors, Is.True);
    }

    [Test]
    public void Cases_Count_AtLeastForty()
    {
        Assert.That(Cases, Has.Length.GreaterThanOrEqualTo(40));
    }
}
