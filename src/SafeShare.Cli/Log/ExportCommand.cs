using System;
using System.CommandLine;
using System.IO;

namespace SafeShare.Cli.Log;

/// <summary>
/// <c>safeshare export --postgres &lt;connection&gt; --out &lt;file&gt;</c>: the log in the database as a JSON Lines
/// file, byte for byte the lines a file log holds, from one consistent snapshot: for a reviewer, an auditor,
/// an archive, or <c>safeshare verify</c> on another machine.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output)
    {
        var postgres = LogSource.PostgresOption();
        postgres.Required = true;
        var schema = LogSource.SchemaOption();
        var target = new Option<string>("--out")
        {
            Description = "The JSON Lines file to write (must not exist yet).",
            Required = true,
        };
        var command = new Command(
            "export",
            "Write a decision log kept in PostgreSQL to a JSON Lines file that 'safeshare verify' checks as it checks a file log. " +
            "Exit code 0; 2 if the log cannot be read or the file cannot be written (a file that exists is never overwritten).")
        {
            postgres, schema, target,
        };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(target)!);
            if (File.Exists(path) || Directory.Exists(path))
            {
                throw new ToolException($"'{path}' already exists; export never overwrites a file. Choose a new name.");
            }

            using var log = LogSource.Open(parse.GetValue(postgres)!, parse.GetValue(schema)!);
            long records;
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                records = log.Export(file);
                file.Flush(flushToDisk: true);
            }
            catch (Exception)
            {
                // Never leave half an export that could be mistaken for the whole log.
                File.Delete(path);
                throw;
            }

            output.WriteLine($"exported {records} record(s) from the {log.Description} to {path}");
            return SafeShareTool.Ok;
        });
        return command;
    }
}
