// Compiled into every *.Tests project (Directory.Build.props): the default timeout of every test.
// A test that runs longer fails with "Test exceeded Timeout value" and the run goes on; .NET cannot
// abort the stuck thread (hence NUnit's obsolete warning), and build.cake's --blame-hang-timeout
// kills a test host that stays stuck. Five minutes is several times the slowest integration test on
// a loaded machine; a test that needs longer says so with its own [Timeout].
#pragma warning disable CS0618
[assembly: NUnit.Framework.Timeout(5 * 60 * 1000)]
#pragma warning restore CS0618
