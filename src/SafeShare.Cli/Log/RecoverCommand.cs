using System.CommandLine;
using System.IO;

namespace SafeShare.Cli.Log;

/// <summary>
/// <c>safeshare recover &lt;log&gt;</c>: after a crash, moves a torn last line (never acknowledged) to a
/// side file and cuts it from the log, as the next append would. Never touches a file that is not a
/// decision log, nor any whole line.
/// </summary>
internal static class RecoverCommand
{
    public static Command Create(TextWriter output)
    {
        var log = new Argument<string>("log") { Description = "The decision log file." };
        var command = new Command(
            "recover",
            "Repair a decision log whose last line was torn by a crash: the incomplete line (never acknowledged to a writer) " +
            "is moved to <log>.torn-<time>-<offset> and cut from the log; whole lines are never touched. Exit code 0, or 2 if it cannot.")
        {
            log,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(log)!;
            if (!File.Exists(path))
            {
                throw new ToolException(Directory.Exists(path) ? $"'{path}' is a folder, not a decision log file." : $"There is no decision log at '{path}'.");
            }

            var recovery = new JsonLinesDecisionLog(path).Recover();
            output.WriteLine(recovery.BytesRemoved == 0
                ? "nothing to recover: the last line is whole"
                : $"moved a torn last line ({recovery.BytesRemoved} bytes) to {recovery.QuarantinePath}");
            return SafeShareTool.Ok;
        });
        return command;
    }
}
