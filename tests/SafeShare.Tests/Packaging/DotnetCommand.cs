using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SafeShare.Tests.Packaging;

/// <summary>The outcome of one child <c>dotnet</c> process: its command line, exit code and all it printed.</summary>
public sealed record DotnetResult(string CommandLine, int ExitCode, bool TimedOut, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Everything a failing assertion should show: the command, how it ended, and its full output.</summary>
    public string Describe() =>
        $"> {CommandLine}{Environment.NewLine}" +
        (TimedOut ? "TIMED OUT (process tree killed)" : $"exit code {ExitCode}") + Environment.NewLine +
        Output;
}

/// <summary>Runs the .NET CLI as a child process with a time limit, without leaving build servers behind.</summary>
public static class DotnetCommand
{
    public static DotnetResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host may have been started by an MSBuild-driven `dotnet test`; its MSBuild variables
        // describe that build, not the child's, so the child starts from a plain environment.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var commandLine = "dotnet " + string.Join(" ", arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = !process.WaitForExit((int)timeout.TotalMilliseconds);
        if (timedOut)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        process.WaitForExit(); // drains the asynchronous readers
        lock (output)
        {
            return new DotnetResult(commandLine, timedOut ? -1 : process.ExitCode, timedOut, output.ToString());
        }
    }

    private static string DotnetExecutable()
    {
        // Set by the CLI for the processes it starts; points at the same SDK that runs these tests.
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
    }
}
