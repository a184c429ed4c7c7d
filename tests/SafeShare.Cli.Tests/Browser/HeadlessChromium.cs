using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace SafeShare.Cli.Tests.Browser;

/// <summary>A DevTools Protocol event: its method and parameters.</summary>
public sealed record BrowserEvent(string Method, JsonElement Params);

/// <summary>
/// Headless Chromium driven over the Chrome DevTools Protocol with a plain <see cref="ClientWebSocket"/>: nothing is
/// downloaded at test time. Each instance has its own throwaway profile; disposing kills the browser and deletes the
/// profile, whether the test passed or not. Every wait has a timeout, so a hung browser fails the test with a message
/// instead of hanging the run.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<BrowserEvent> _events = new();
    private readonly StringBuilder _stderr = new();
    private Task? _receiving;
    private int _nextId;
    private string? _session;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<BrowserEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>
    /// Chromium's executable: SAFESHARE_CHROMIUM, else Debian's /usr/bin/chromium, else chromium or Chrome on the PATH.
    /// Missing, the test fails (it is not skipped): CI installs it, and a silently skipped browser test checks nothing.
    /// </summary>
    public static string Executable() =>
        Executable(
            Environment.GetEnvironmentVariable("SAFESHARE_CHROMIUM"),
            new[] { "/usr/bin/chromium" }.Concat(
                new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }.SelectMany(name =>
                    (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))));

    /// <summary>The configured executable, else the first of <paramref name="candidates"/> that exists; else why not, and how to install it.</summary>
    public static string Executable(string? configured, IEnumerable<string> candidates)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"SAFESHARE_CHROMIUM is '{configured}', which does not exist.");
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed; the board pack's browser tests need it. Install it with 'apt-get install -y chromium' (as root), or set SAFESHARE_CHROMIUM to a Chromium or Chrome executable.");
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = Executable();
        var profile = Path.Combine(Path.GetTempPath(), "safeshare-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception)
        {
            DeleteProfile(profile);
            throw new InvalidOperationException($"{executable} could not be started ({e.Message}); install Chromium with 'apt-get install -y chromium'.", e);
        }

        var browser = new HeadlessChromium(process, profile);
        try
        {
            process.ErrorDataReceived += (_, e) =>
            {
                lock (browser._stderr)
                {
                    browser._stderr.AppendLine(e.Data);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            await browser.ConnectAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync()
    {
        // Chromium writes the port it chose and the browser's WebSocket path to DevToolsActivePort in the profile.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Timeout;
        string[]? lines = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before it listened for DevTools:\n{StandardError()}");
            }

            if (File.Exists(portFile))
            {
                try
                {
                    lines = File.ReadAllLines(portFile);
                }
                catch (IOException)
                {
                }

                if (lines is { Length: >= 2 } && lines[1].Length > 0)
                {
                    break;
                }
            }

            await Task.Delay(50);
        }

        if (lines is not { Length: >= 2 })
        {
            throw new TimeoutException($"Chromium did not write {portFile} within {Timeout.TotalSeconds} s:\n{StandardError()}");
        }

        using (var connecting = new CancellationTokenSource(Timeout))
        {
            await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), connecting.Token);
        }

        _receiving = Task.Run(ReceiveAsync);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, browserLevel: true);
        _session = attached.GetProperty("sessionId").GetString();
    }

    /// <summary>Sends a command to the page (or the browser) and waits for its result.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel)
        {
            message["sessionId"] = _session ?? throw new InvalidOperationException("No page is attached.");
        }

        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        using (var sending = new CancellationTokenSource(Timeout))
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, sending.Token);
        }

        var finished = await Task.WhenAny(reply.Task, Task.Delay(Timeout));
        _pending.TryRemove(id, out _);
        if (finished != reply.Task)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {Timeout.TotalSeconds} s.");
        }

        var response = await reply.Task;
        if (response.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error}");
        }

        return response.GetProperty("result");
    }

    /// <summary>Enables the Runtime, Log, Network and Page domains, opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
        {
            await SendAsync(domain + ".enable");
        }

        var from = Events.Count;
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (navigated.TryGetProperty("errorText", out var failure) && failure.GetString() is { Length: > 0 } text)
        {
            throw new InvalidOperationException($"Chromium could not open {url}: {text}");
        }

        await WaitForAsync("Page.loadEventFired", from);
    }

    private async Task WaitForAsync(string method, int from)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!Events.Skip(from).Any(e => e.Method == method))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Chromium sent no {method} within {Timeout.TotalSeconds} s.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The value of a JavaScript expression evaluated in the page (JSON-serialisable values only).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"Evaluating '{expression}' threw: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>A PNG of the whole page, not only the window, written to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics.GetProperty("cssContentSize");
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = Math.Ceiling(size.GetProperty("width").GetDouble()),
                ["height"] = Math.Ceiling(size.GetProperty("height").GetDouble()),
                ["scale"] = 1,
            },
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    /// <summary>Console errors, uncaught exceptions and browser log errors, one line each.</summary>
    public IReadOnlyList<string> Errors() => Events.Select(e => e.Method switch
    {
        "Runtime.exceptionThrown" => "exception: " + e.Params.GetProperty("exceptionDetails"),
        "Runtime.consoleAPICalled" when e.Params.GetProperty("type").GetString() is "error" or "assert" => "console: " + e.Params.GetProperty("args"),
        "Log.entryAdded" when e.Params.GetProperty("entry").GetProperty("level").GetString() == "error" => "log: " + e.Params.GetProperty("entry"),
        _ => null,
    }).Where(x => x is not null).Select(x => x!).ToArray();

    /// <summary>The URL of every request the page made (Network.requestWillBeSent).</summary>
    public IReadOnlyList<string> Requests() => Events.Where(e => e.Method == "Network.requestWillBeSent")
        .Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!).ToArray();

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var chunk = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (chunk.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, chunk.Count);
                if (!chunk.EndOfMessage)
                {
                    continue;
                }

                using (var json = JsonDocument.Parse(message.ToArray()))
                {
                    var root = json.RootElement.Clone();
                    if (root.TryGetProperty("id", out var id) && _pending.TryGetValue(id.GetInt32(), out var reply))
                    {
                        reply.TrySetResult(root);
                    }
                    else if (root.TryGetProperty("method", out var method))
                    {
                        lock (_events)
                        {
                            _events.Add(new BrowserEvent(method.GetString()!, root.TryGetProperty("params", out var p) ? p : default));
                        }
                    }
                }

                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The browser went away or the test is over: waiting commands time out with their own message.
        }
    }

    private string StandardError()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        if (_receiving is not null)
        {
            await Task.WhenAny(_receiving, Task.Delay(2000));
        }

        _process.Dispose();
        _stop.Dispose();
        DeleteProfile(_profile);
    }

    private static void DeleteProfile(string profile)
    {
        // Chromium's helpers may hold files a moment after it is killed: try a few times.
        for (var attempt = 0; attempt < 10 && Directory.Exists(profile); attempt++)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }
}
