using System.Diagnostics;

namespace Ratchet.Engines;

/// <summary>Who this runner is, as recorded in history rows and lock rows.</summary>
public static class RunnerIdentity
{
    /// <summary>The operating-system user and host, such as <c>deploy@web-1</c>.</summary>
    public static string UserAtHost { get; } = $"{Environment.UserName}@{Environment.MachineName}";

    /// <summary>This process's id.</summary>
    public static int ProcessId { get; } = Environment.ProcessId;

    /// <summary>The host name.</summary>
    public static string Host { get; } = Environment.MachineName;

    /// <summary>The start time of this process (with the pid, it tells a live holder from a reused pid).</summary>
    public static DateTime ProcessStart { get; } = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>The Ratchet library version.</summary>
    public static string ToolVersion { get; } =
        typeof(RunnerIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
