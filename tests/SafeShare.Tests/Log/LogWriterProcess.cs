using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SafeShare.Tests.Log;

/// <summary>
/// Runs tests/SafeShare.LogWriter as a separate process appending to a log (a file, or PostgreSQL with
/// <see cref="Postgres"/>), and collects the subjects it acknowledges (it prints "ack &lt;subject&gt;" after each
/// Append has returned). Linked into the PostgreSQL tests as well.
/// </summary>
public sealed class LogWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _acknowledged = new();
    private readonly List<string> _errors = new();
    private readonly ManualResetEventSlim _ready = new();

    /// <summary>A writer appending to the PostgreSQL log in <paramref name="schema"/>.</summary>
    public static LogWriterProcess Postgres(string connectionString, string schema, int threads, int perThread, string tag) =>
        new(new[] { "--postgres", connectionString, schema }, threads, perThread, tag);

    public LogWriterProcess(string log, int threads, int perThread, string tag)
        : this(new[] { log }, threads, perThread, tag)
    {
    }

    private LogWriterProcess(IReadOnlyList<string> log, int threads, int perThread, string tag)
    {
        var start = new ProcessStartInfo(Dotnet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SafeShare.LogWriter.dll"));
        foreach (var argument in log)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(perThread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(tag);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data == "ready")
            {
                _ready.Set();
            }
            else if (e.Data.StartsWith("ack ", StringComparison.Ordinal))
            {
                lock (_acknowledged)
                {
                    _acknowledged.Add(e.Data.Substring(4));
                    Monitor.PulseAll(_acknowledged);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Subjects acknowledged so far (complete once the process has exited and been waited for).</summary>
    public IReadOnlyList<string> Acknowledged
    {
        get { lock (_acknowledged) { return _acknowledged.ToArray(); } }
    }

    public string Errors
    {
        get { lock (_errors) { return string.Join(Environment.NewLine, _errors); } }
    }

    /// <summary>Waits until at least <paramref name="count"/> acknowledgements (or the process ends).</summary>
    public bool WaitForAcknowledged(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        lock (_acknowledged)
        {
            while (_acknowledged.Count < count && !_process.HasExited && clock.Elapsed < timeout)
            {
                Monitor.Wait(_acknowledged, 50);
            }

            return _acknowledged.Count >= count;
        }
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            Kill();
            throw new TimeoutException("The log writer did not finish in time. " + Errors);
        }

        _process.WaitForExit(); // drains stdout: every acknowledgement printed is now collected
        return _process.ExitCode;
    }

    /// <summary>Kills the writer at once (SIGKILL: no clean-up, as in a crash) and collects what it acknowledged.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _ready.Dispose();
    }

    private static string Dotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
