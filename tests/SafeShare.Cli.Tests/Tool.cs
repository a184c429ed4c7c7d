using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace SafeShare.Cli.Tests;

/// <summary>What a run printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs the real programs: the safeshare tool and the sample, as processes, or the tool in-process.</summary>
public static class Tool
{
    public static string ToolDll => Path.Combine(AppContext.BaseDirectory, "SafeShare.Cli.dll");

    public static string SampleDll => Path.Combine(AppContext.BaseDirectory, "CaseManagement.dll");

    /// <summary>The tool as a user runs it: its own process, its own exit code.</summary>
    public static ToolResult Process(params string[] args) => Dotnet(ToolDll, args);

    /// <summary>The same entry point, in this process (fast, for the many error cases).</summary>
    public static ToolResult InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SafeShareTool.Run(args, output, error);
        return new ToolResult(code, output.ToString(), error.ToString());
    }

    public static ToolResult Dotnet(string dll, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {dll} {string.Join(" ", args)} did not finish");
        }

        Task.WaitAll(output, error);
        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }

    private static string DotnetExecutable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}

/// <summary>
/// Runs the sample once, as a user would, writing its decisions to a fresh log; tests copy that log
/// before tampering with it.
/// </summary>
public sealed class SampleLogFixture : IDisposable
{
    public SampleLogFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "safeshare-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        LogPath = Path.Combine(Folder, "decision-log.jsonl");
        Run = Tool.Dotnet(Tool.SampleDll, "2026-11-20", "--log", LogPath);
    }

    public string Folder { get; }

    public string LogPath { get; }

    public ToolResult Run { get; }

    /// <summary>A copy of the sample's log, with its lock file (which records the acknowledged head) or without.</summary>
    public string Copy(string name, bool withLockFile = true)
    {
        Assert.True(Run.ExitCode == 0, Run.ToString());
        var path = Path.Combine(Folder, name);
        File.Copy(LogPath, path, overwrite: true);
        if (withLockFile)
        {
            File.Copy(LogPath + ".lock", path + ".lock", overwrite: true);
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
