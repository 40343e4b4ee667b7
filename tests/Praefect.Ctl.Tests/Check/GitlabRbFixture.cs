namespace Praefect.Ctl.Tests.Check;

/// <summary>A temp dir holding one gitlab.rb, and praefect-ctl run in-process with captured output.</summary>
internal sealed class GitlabRbFixture : IDisposable
{
    public const string ValidBlock = """
        praefect['enable'] = true
        praefect['auth_token'] = 'client-secret'
        praefect['database_password'] = 'sql-secret'
        praefect['virtual_storages'] = {
          'praefect' => {
            'praefect-git-1' => { 'address' => 'tcp://127.0.0.1:18075', 'token' => 'node-secret-1', 'primary' => true },
            'praefect-git-2' => { 'address' => 'tcp://127.0.0.1:18076', 'token' => 'node-secret-2' },
          }
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("praefect-ctl-gitlabrb-").FullName;

    public string Path => System.IO.Path.Combine(_dir, "gitlab.rb");

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    public GitlabRbFixture Write(string text)
    {
        File.WriteAllText(Path, text + "\n");
        return this;
    }

    public int Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CtlApp.Run(args, stdout, stderr);
        Stdout = stdout.ToString().ReplaceLineEndings("\n");
        Stderr = stderr.ToString().ReplaceLineEndings("\n");
        return exit;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>Base of the check and show-config tests: a fresh fixture per test, removed after it.</summary>
public abstract class GitlabRbCommandTests
{
    private GitlabRbFixture? _fixture;

    internal GitlabRbFixture Fixture => _fixture ?? throw new InvalidOperationException("no fixture outside a test");

    [SetUp]
    public void CreateFixture() => _fixture = new GitlabRbFixture();

    [TearDown]
    public void RemoveFixture() => _fixture?.Dispose();
}
