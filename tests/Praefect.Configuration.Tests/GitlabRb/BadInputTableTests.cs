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
        new TestCaseData("praefect['auth_token'] = foo", "1:26: error: unknown method or variable (3 characters) where a secret goes"),
        new TestCaseData("praefect['auth_token'] = File.read('/x')", "1:26: error: unknown constant (4 characters) where a secret goes"),
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
        new TestCaseData("gitlab_rails['x'] = {\n  'a' => 1,\n  'b' => [1,\ngitlab_rails['y'] = 2", "1:21: error: unterminated hash: '{' is never closed\n3:10: error: unterminated array: '[' is never closed"),
        // Missed errors that are errors now: empty names, port 0, control characters and whitespace, duplicate keys, wrong types.
        new TestCaseData("praefect['virtual_storages'] = { '' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:34: error: a virtual storage has an empty name; name it, such as 'praefect'"),
        new TestCaseData("praefect['configuration'] = { virtual_storage: [{ name: '', node: [{ storage: 'a', address: 'tcp://a:1', token: 't' }] }] }", "1:49: error: a virtual storage has an empty name; name it, such as 'praefect'"),
        new TestCaseData("praefect['storage_nodes'] = [{ 'storage' => '', 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true }]", "1:10: warning: praefect['storage_nodes'] as an array of nodes (with praefect['virtual_storage_name']) is deprecated\n1:30: error: virtual storage 'praefect': node 1 has no storage name; set 'storage' => 'praefect-git-1'"),
        new TestCaseData("praefect['listen_addr'] = 'localhost:0'\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:27: error: praefect['listen_addr'] is 'localhost:0': port 0 would listen on a random port that no client knows; set a port from 1 to 65535, such as 'localhost:2305'"),
        new TestCaseData("praefect['prometheus_listen_addr'] = ':0'\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:38: error: praefect['prometheus_listen_addr'] is ':0': port 0 would listen on a random port that no client knows; set a port from 1 to 65535, such as 'localhost:9652'"),
        new TestCaseData("praefect['tls_listen_addr'] = '0.0.0.0:65536'\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:31: error: praefect['tls_listen_addr'] is '0.0.0.0:65536', which is not host:port; set praefect['tls_listen_addr'] = '0.0.0.0:3305'\n1:31: error: praefect['tls_listen_addr'] is set but praefect['certificate_path'] is not; set praefect['certificate_path'] = '/etc/gitlab/ssl/praefect.crt'\n1:31: error: praefect['tls_listen_addr'] is set but praefect['key_path'] is not; set praefect['key_path'] = '/etc/gitlab/ssl/praefect.key'"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { \"a\\0b\" => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:53: error: virtual storage 'p': node 'a\\u0000b' has whitespace or a control character in its storage name"),
        new TestCaseData("praefect['virtual_storages'] = { \"p\\nq\" => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:34: error: virtual storage 'p\\u000Aq' has whitespace or a control character in its name"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a b' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:52: error: virtual storage 'p': node 'a b' has whitespace or a control character in its storage name"),
        new TestCaseData("praefect['database_host'] = 'db host'\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:29: error: praefect['database_host'] is 'db host', which has whitespace or a control character; a host name cannot"),
        new TestCaseData("praefect['database_host'] = \"db\\n\"\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:29: error: praefect['database_host'] is 'db\\u000A', which has whitespace or a control character; a host name cannot"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => \"unix:/run/a\\0b\", 'token' => 't', 'primary' => true } } }", "1:65: error: virtual storage 'p': node 'a' has address 'unix:/run/a\\u0000b', which is not tcp://host:port, tls://host:port or unix:/path; set 'address' => 'tcp://host:8075'"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a b:1', 'token' => 't', 'primary' => true } } }", "1:65: error: virtual storage 'p': node 'a' has address 'tcp://a b:1', which is not tcp://host:port, tls://host:port or unix:/path; set 'address' => 'tcp://host:8075'"),
        new TestCaseData("praefect['socket_path'] = \"/run/p\\0.sock\"\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:27: error: praefect['socket_path'] = '/run/p\\u0000.sock' contains a control character (newline, tab, ...) that cannot be written into a path"),
        new TestCaseData("praefect['env'] = { 'A' => 1, 'A' => 2 }", "1:31: error: the key 'A' is given twice in this hash (first at 1:21)"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'primary' => true, :primary => false } } }", "1:97: error: the key 'primary' is given twice in this hash (first at 1:78)"),
        new TestCaseData("git_data_dirs('a' => { 'gitaly_address' => 'tcp://a:1' }, 'a' => {})", "1:59: error: the key 'a' is given twice in this hash (first at 1:15)"),
        new TestCaseData("praefect['database_port'] = '5432'", "1:29: error: praefect['database_port'] must be an integer, not a string"),
        new TestCaseData("praefect['database_port'] = 5432.0", "1:29: error: praefect['database_port'] must be an integer, not a float"),
        new TestCaseData("praefect['replication_max_attempts'] = '5x'", "1:40: error: praefect['replication_max_attempts'] must be an integer, not a string"),
        new TestCaseData("praefect['graceful_stop_timeout'] = 1.5", "1:37: error: praefect['graceful_stop_timeout'] must be an integer, not a float"),
        new TestCaseData("praefect['failover_timeout'] = '0s'", "1:32: error: praefect['failover_timeout'] is 0s, less than 1 s"),
        new TestCaseData("praefect['configuration'] = { database: { port: '6432' } }", "1:49: error: praefect['configuration'][:database][:port] must be an integer, not a string"),
        new TestCaseData("praefect['configuration'] = { auth: 'x' }", "1:37: error: praefect['configuration'][:auth] must be a hash, not a string"),
        new TestCaseData("praefect['virtual_storages'] = { 'p' => { 'default_replication_factor' => 'two', 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:43: warning: virtual storage 'p': 'default_replication_factor' has no effect here: this Praefect replicates every repository to every node of its virtual storage\n1:75: error: virtual storage 'p': 'default_replication_factor' must be an integer, not a string"),
        // praefect['configuration']: unknown inner keys, both forms at once.
        new TestCaseData("praefect['configuration'] = { listen_adr: 'localhost:2305' }", "1:31: error: unknown key praefect['configuration'][:listen_adr]; did you mean 'listen_addr'?"),
        new TestCaseData("praefect['configuration'] = { auth: { tokn: 'x' } }", "1:39: error: unknown key praefect['configuration'][:auth][:tokn]; did you mean 'token'?"),
        new TestCaseData("praefect['listen_addr'] = 'localhost:2305'\npraefect['configuration'] = { listen_addr: 'localhost:2306' }", "2:31: error: praefect['configuration'][:listen_addr] and praefect['listen_addr'] (at 1:10) both set listen_addr"),
        new TestCaseData("praefect['configuration'] = { virtual_storage: [] }\npraefect['virtual_storages'] = {}", "2:10: error: praefect['virtual_storages'] and praefect['configuration'][:virtual_storage] (at 1:31) both set the virtual storages"),
        // did-you-mean never proposes an opposite-meaning key; real Omnibus keys are known.
        new TestCaseData("praefect['postgres_queue_enabld'] = true", "1:10: error: unknown key praefect['postgres_queue_enabld']; did you mean 'postgres_queue_enabled'?"),
        new TestCaseData("praefect['disk_queue_enabled'] = true", "1:10: error: unknown key praefect['disk_queue_enabled']"),
        new TestCaseData("praefect['env_dir'] = '/x'", "1:10: error: unknown key praefect['env_dir']"),
        // Ruby literals: heredocs and adjacent strings; an unsupported construct is one error, never a cascade.
        new TestCaseData("gitlab_rails['x'] = <<-'EOS'\n  a #{b}\n  EOS\npraefect['enable'] = 'yes'", "4:22: error: praefect['enable'] must be true or false, not a string"),
        new TestCaseData("gitlab_rails['x'] = <<~EOS\n  #{ENV['A']}\n  #{1}\n  EOS\npraefect['enable'] = 'yes'", "3:5: error: only ENV values can be interpolated in a string\n5:22: error: praefect['enable'] must be true or false, not a string"),
        new TestCaseData("gitlab_rails['x'] = <<~EOS\n  if x\n    y = [\n  EOS\npraefect['enable'] = 'yes'", "5:22: error: praefect['enable'] must be true or false, not a string"),
        new TestCaseData("gitlab_rails['x'] = [<<EOS, 'b'] 1\nbody\nEOS\npraefect['enable'] = 'yes'", "1:34: error: unexpected '1' after the end of the statement\n4:22: error: praefect['enable'] must be true or false, not a string"),
        new TestCaseData("if ENV['A']\n  nginx['enable'] = false\nelse\n  nginx['enable'] = true\nend\npraefect['enable'] = 'yes'", "1:1: error: Ruby code ('if') is not supported: gitlab.rb is read as data\n6:22: error: praefect['enable'] must be true or false, not a string"),
        new TestCaseData("%w(a b).each do |x|\n  nginx['enable'] = false\nend", "1:1: error: expected a setting such as praefect['key'] = value, found '%w(a b)'"),
        new TestCaseData("praefect['configuration'] = { listen_addr: 'localhost:0' }\npraefect['virtual_storages'] = { 'p' => { 'a' => { 'address' => 'tcp://a:1', 'token' => 't', 'primary' => true } } }", "1:44: error: praefect['configuration'][:listen_addr] is 'localhost:0': port 0 would listen on a random port that no client knows; set a port from 1 to 65535, such as 'localhost:2305'"),
        new TestCaseData("praefect['enable'] = 'ye' 's'", "1:22: error: praefect['enable'] must be true or false, not a string"),
    ];

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
