using System.CommandLine;
using System.IO;

namespace SafeShare.Cli.Log;

/// <summary>
/// <c>safeshare db init --postgres &lt;connection&gt; [--app-role &lt;role&gt;]</c>: creates the decision log's
/// tables, triggers and grants (idempotent: run it again, or from every deployment, and it changes nothing).
/// </summary>
internal static class DatabaseCommand
{
    public static Command Create(TextWriter output)
    {
        var postgres = LogSource.PostgresOption();
        postgres.Required = true;
        postgres.Description = "A PostgreSQL connection string or URL for the role that is to own the log (not the application's role). " +
            "The password comes from PGPASSWORD or a passfile, never the command line.";
        var schema = LogSource.SchemaOption();
        var role = new Option<string?>("--app-role")
        {
            Description = "The application's role: granted INSERT and SELECT on the log (and SELECT on its head), nothing more.",
        };
        var init = new Command(
            "init",
            "Create the decision log's schema if it is missing (idempotent), and grant the application's role what it needs. " +
            "Exit code 0; 2 if the server cannot be reached, or the schema holds tables that are not a decision log, or a newer schema version.")
        {
            postgres, schema, role,
        };
        init.SetAction(parse =>
        {
            using var log = LogSource.Open(parse.GetValue(postgres)!, parse.GetValue(schema)!);
            var appRole = parse.GetValue(role);
            log.EnsureSchemaAsync(string.IsNullOrWhiteSpace(appRole) ? null : appRole).GetAwaiter().GetResult();
            output.WriteLine($"ready: the {log.Description}{(string.IsNullOrWhiteSpace(appRole) ? string.Empty : $"; role '{appRole}' may insert and select")}");
            return SafeShareTool.Ok;
        });
        return new Command("db", "Set up a decision log in PostgreSQL.") { init };
    }
}
