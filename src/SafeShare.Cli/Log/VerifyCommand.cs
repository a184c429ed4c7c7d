using System.CommandLine;
using System.IO;

namespace SafeShare.Cli.Log;

/// <summary><c>safeshare verify &lt;log&gt;</c> (or <c>--postgres</c>): the chain is intact, or the first bad line and why.</summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output)
    {
        var log = LogSource.FileArgument("The decision log file (JSON Lines written by JsonLinesDecisionLog).");
        var postgres = LogSource.PostgresOption();
        var schema = LogSource.SchemaOption();
        var command = new Command(
            "verify",
            "Check a decision log's hash chain. Exit code 0: intact; 1: a line (a record, in PostgreSQL) is torn, altered, out of order, " +
            "inserted or missing, or the end was cut off (the first one is named); 2: the log cannot be read.")
        {
            log, postgres, schema,
        };
        command.SetAction(parse =>
        {
            var source = LogSource.From(parse, log, postgres, schema);
            DecisionLogVerification result;
            using (source.Database)
            {
                result = source.Database?.Verify() ?? JsonLinesDecisionLog.Verify(source.Path!);
            }

            if (result.IsIntact)
            {
                output.WriteLine($"intact: {result.Records} record(s); head {result.HeadSequence} {result.HeadHash}");
                return SafeShareTool.Ok;
            }

            output.WriteLine($"NOT INTACT at {source.Unit} {result.FirstBadLine} ({result.Records} record(s) before it verify): {result.Problem}");
            return SafeShareTool.NotIntact;
        });
        return command;
    }
}
