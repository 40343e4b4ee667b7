using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Praefect.Server.Logging;
using Praefect.Logging;

namespace Praefect.Server.Tests.Logging;

public sealed class LineLoggerTests
{
    [Test]
    public void Json_AccessLogLine_HasGitalyFieldsOnOneLine()
    {
        var lines = Capture(new JsonLineFormatter(), logger => CallLog.Finished(logger, "unary", "OK", "RepositoryExists", "gitaly.RepositoryService",
            "/gitaly.RepositoryService/RepositoryExists", 0.1234, "2026-12-02T03:00:00Z", "127.0.0.1:5000", 42, "grpc", "server", "praefect", "gitaly-1", "a \"b\".git", "ABC"));

        Assert.That(lines, Has.Count.EqualTo(1));
        var json = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("msg").GetString(), Is.EqualTo("finished unary call with code OK"));
            Assert.That(json.GetProperty("level").GetString(), Is.EqualTo("info"));
            Assert.That(json.GetProperty("grpc.request.fullMethod").GetString(), Is.EqualTo("/gitaly.RepositoryService/RepositoryExists"));
            Assert.That(json.GetProperty("grpc.time_ms").GetDouble(), Is.EqualTo(0.123));
            Assert.That(json.GetProperty("pid").GetInt32(), Is.EqualTo(42));
            Assert.That(json.GetProperty("relative_path").GetString(), Is.EqualTo("a \"b\".git"));
            Assert.That(json.GetProperty("correlation_id").GetString(), Is.EqualTo("ABC"));
            Assert.That(json.GetProperty("component").GetString(), Is.EqualTo("test"));
            Assert.That(json.GetProperty("time").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        });
    }

    [Test]
    public void Text_Line_QuotesValuesThatNeedIt()
    {
        var lines = Capture(new TextLineFormatter(), logger => CallLog.Finished(logger, "unary", "OK", "RepositoryExists", "gitaly.RepositoryService",
            "/gitaly.RepositoryService/RepositoryExists", 1.5, "2026-12-02T03:00:00Z", "127.0.0.1:5000", 42, "grpc", "server", "praefect", "gitaly-1", "a \"b\".git", "ABC"));

        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("time="));
        Assert.That(lines[0], Does.Contain(" level=info msg=\"finished unary call with code OK\" grpc.type=unary grpc.code=OK"));
        Assert.That(lines[0], Does.Contain(" relative_path=\"a \\\"b\\\".git\" correlation_id=ABC"));
    }

    [Test]
    public void ManyThreads_EveryLineWrittenWholeAndOnce()
    {
        const int Threads = 4, PerThread = 2000;
        var lines = Capture(new JsonLineFormatter(), logger =>
            Parallel.For(0, Threads, t =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    logger.LogInformation("line {Thread} {Index} {Padding}", t, i, new string('x', i % 300));
                }
            }));

        Assert.That(lines, Has.Count.EqualTo(Threads * PerThread));
        var seen = lines.Select(l => JsonDocument.Parse(l).RootElement).Select(j => (j.GetProperty("thread").GetInt32(), j.GetProperty("index").GetInt32())).ToHashSet();
        Assert.That(seen, Has.Count.EqualTo(Threads * PerThread));
    }

    [Test]
    public void Sink_LinesPastThePendingLimit_AllWrittenInOrder()
    {
        using var output = new MemoryStream();
        var line = Encoding.UTF8.GetBytes(new string('y', 100_000) + "\n");
        var count = 3 * LineSink.PendingLimit / line.Length;
        using (var sink = new LineSink(output))
        {
            for (var i = 0; i < count; i++)
            {
                sink.Append(line);
            }
        }

        Assert.That(output.Length, Is.EqualTo((long)count * line.Length));
    }

    // Logs through a provider on a memory stream; disposing the provider writes everything pending.
    private static List<string> Capture(LineFormatter formatter, Action<ILogger> log)
    {
        using var output = new MemoryStream();
        using (var provider = new LineLoggerProvider(formatter, output))
        {
            log(provider.CreateLogger("test"));
        }

        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
