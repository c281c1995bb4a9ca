using Ratchet.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C: stop after rolling back the running revision. A second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await RatchetApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
