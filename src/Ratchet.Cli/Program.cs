using Ratchet.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C: stop after rolling back the running revision. A second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (a container stopping, a CI job cancelled) stops the same way: the running revision is rolled back and
// scratch databases are dropped before the process exits.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
});

return await RatchetApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
