using System.CommandLine;
using System.IO;

namespace SafeShare.Cli.Log;

/// <summary><c>safeshare verify &lt;log&gt;</c>: the chain is intact, or the first bad line and why.</summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output)
    {
        var log = new Argument<string>("log") { Description = "The decision log file (JSON Lines written by JsonLinesDecisionLog)." };
        var command = new Command(
            "verify",
            "Check a decision log's hash chain. Exit code 0: intact; 1: a line is torn, altered, out of order, inserted " +
            "or missing (the first one is named); 2: the file cannot be read.")
        {
            log,
        };
        command.SetAction(parse =>
        {
            var result = JsonLinesDecisionLog.Verify(parse.GetValue(log)!);
            if (result.IsIntact)
            {
                output.WriteLine($"intact: {result.Records} record(s); head {result.HeadSequence} {result.HeadHash}");
                return SafeShareTool.Ok;
            }

            output.WriteLine($"NOT INTACT at line {result.FirstBadLine} ({result.Records} record(s) before it verify): {result.Problem}");
            return SafeShareTool.NotIntact;
        });
        return command;
    }
}
