using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using SafeShare.Cli.Log;
using SafeShare.Cli.Report;

namespace SafeShare.Cli;

/// <summary>
/// The <c>safeshare</c> command line. Every error is one line on standard error and a
/// non-zero exit code — never a stack trace: the people who run this are reviewers, DPOs and
/// practitioners answering a subject access request, not the developers.
/// </summary>
public static class SafeShareTool
{
    /// <summary>The log is intact, the query or report was produced.</summary>
    public const int Ok = 0;

    /// <summary>The log failed verification (verify), or was queried though not intact (query).</summary>
    public const int NotIntact = 1;

    /// <summary>Bad arguments or unreadable input: nothing was checked or produced.</summary>
    public const int Error = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var root = Build(output, error);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                error.WriteLine($"safeshare: {OneLine(parse.Errors[0].Message)} (see 'safeshare --help')");
                return Error;
            }

            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ToolException e)
        {
            error.WriteLine("safeshare: " + OneLine(e.Message));
            return Error;
        }
        catch (DecisionLogException e)
        {
            error.WriteLine("safeshare: " + OneLine(e.Message));
            return Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("safeshare: " + OneLine(e.Message));
            return Error;
        }
        catch (Exception e)
        {
            // Not expected; still one line, with enough to report it.
            error.WriteLine($"safeshare: internal error ({e.GetType().Name}): {OneLine(e.Message)}");
            return Error;
        }
    }

    private static Command Build(TextWriter output, TextWriter error)
    {
        // Named "safeshare" whatever the executable is called (SafeShare.Cli.dll, run by the tool shim),
        // so help and errors use the command people type.
        var root = new Command(
            "safeshare",
            "Check a SafeShare decision log (a file or PostgreSQL), answer a subject access request from it, and draft the " +
            "Record of Processing Activities and Information Sharing Protocols for an assembly.")
        {
            Options = { new HelpOption(), new VersionOption() },
        };
        root.Subcommands.Add(VerifyCommand.Create(output));
        root.Subcommands.Add(QueryCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(RecoverCommand.Create(output));
        root.Subcommands.Add(ExportCommand.Create(output));
        root.Subcommands.Add(DatabaseCommand.Create(output));
        return root;
    }

    internal static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();
}

/// <summary>A problem with the user's input, reported as one line.</summary>
public sealed class ToolException : Exception
{
    public ToolException(string message)
        : base(message)
    {
    }
}
